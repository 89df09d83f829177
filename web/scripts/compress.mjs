// Writes .br and .gz beside every text asset in dist/, so that `hoso serve`
// can send the compressed file as it is (it never compresses on the fly).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

const root = new URL('../dist/', import.meta.url).pathname
let files = 0
let raw = 0
let br = 0

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (/\.(js|css|html|svg|json|txt)$/.test(name)) {
      const data = readFileSync(p)
      const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      writeFileSync(p + '.br', b)
      writeFileSync(p + '.gz', gzipSync(data, { level: 9 }))
      files++
      raw += data.length
      br += b.length
    }
  }
}

walk(root)
console.log(`compressed ${files} files: ${Math.round(raw / 1024)} KiB -> ${Math.round(br / 1024)} KiB (brotli)`)
