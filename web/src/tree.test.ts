import { describe, expect, it } from 'vitest'
import { buildTree, directMembers, duplicateNames, expandedTo, membersByKind, type OrgNode } from './tree'

const n = (id: number, parent: number, depth: number, kind: string, members: number, children: number): OrgNode => ({
  id, parent, depth, kind, members_total: members, children, code: `C${id}`, name: `Org ${id}`,
})

// A province (10 direct members) with a committee (60) holding two cells (30 + 20).
const nodes = [
  n(1, 0, 0, 'dang_bo_tinh', 100, 2),
  n(2, 1, 1, 'dang_bo_truc_thuoc', 80, 2),
  n(3, 2, 2, 'chi_bo_co_so', 30, 0),
  n(4, 2, 2, 'chi_bo_co_so', 20, 0),
  n(5, 1, 1, 'chi_bo_co_so', 10, 0),
]

describe('buildTree', () => {
  it('nests the pre-order list', () => {
    const t = buildTree(nodes)
    expect(t).toHaveLength(1)
    expect(t[0].children?.map((c) => c.id)).toEqual([2, 5])
    expect(t[0].children?.[0].children?.map((c) => c.id)).toEqual([3, 4])
    expect(t[0].children?.[1].children).toBeUndefined()
  })
  it('makes a root of a node whose parent is out of scope', () => {
    const t = buildTree(nodes.slice(1))
    expect(t.map((x) => x.id)).toEqual([2, 5])
  })
})

describe('members', () => {
  it('counts direct members as total less children', () => {
    const d = directMembers(nodes)
    expect(d.get(1)).toBe(10)
    expect(d.get(2)).toBe(30)
    expect(d.get(3)).toBe(30)
  })
  it('sums members by kind of their own organisation', () => {
    const k = membersByKind(nodes)
    expect(k).toEqual([
      { kind: 'chi_bo_co_so', members: 60, orgs: 3 },
      { kind: 'dang_bo_truc_thuoc', members: 30, orgs: 1 },
      { kind: 'dang_bo_tinh', members: 10, orgs: 1 },
    ])
    expect(k.reduce((s, x) => s + x.members, 0)).toBe(100)
  })
})

describe('expandedTo', () => {
  it('opens the nodes above the depth that have children', () => {
    expect(expandedTo(nodes, 1)).toEqual([1])
    expect(expandedTo(nodes, 2)).toEqual([1, 2])
  })
})

describe('duplicateNames', () => {
  it('names the organisations a list holds twice, without case or diacritics', () => {
    const rows = [{ name: 'Chi bộ bản Na' }, { name: 'Chi bộ Bản Na' }, { name: 'Chi bộ bản Nà' }, { name: 'Đảng bộ xã A' }]
    expect([...duplicateNames(rows)].sort()).toEqual(['Chi bộ bản Na', 'Chi bộ Bản Na', 'Chi bộ bản Nà'].sort())
    expect(duplicateNames([{ name: 'Đảng bộ xã A' }, { name: 'Đảng bộ xã B' }]).size).toBe(0)
  })
})
