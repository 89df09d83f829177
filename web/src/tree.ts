// The organisation tree as the server sends it — a flat list in pre-order,
// each node with its depth, parent id and the member count of its subtree —
// turned into what the pages need: nested nodes for the virtualised tree,
// members directly in each organisation, members by kind of organisation.

export interface OrgNode {
  id: number
  code: string
  name: string
  kind: string
  depth: number
  parent: number
  members_total: number
  children: number
}

export interface TreeItem {
  id: number
  code: string
  label: string
  kind: string
  members: number
  children?: TreeItem[]
}

/** Nests the pre-order list; a node whose parent is not in the list is a root. */
export function buildTree(nodes: OrgNode[]): TreeItem[] {
  const byId = new Map<number, TreeItem>()
  const roots: TreeItem[] = []
  for (const n of nodes) {
    const item: TreeItem = { id: n.id, code: n.code, label: n.name, kind: n.kind, members: n.members_total }
    byId.set(n.id, item)
    const parent = byId.get(n.parent)
    if (parent) (parent.children ??= []).push(item)
    else roots.push(item)
  }
  return roots
}

/** Members belonging directly to each node (its total less its children's). */
export function directMembers(nodes: OrgNode[]): Map<number, number> {
  const direct = new Map<number, number>()
  for (const n of nodes) direct.set(n.id, n.members_total)
  for (const n of nodes) {
    const p = direct.get(n.parent)
    if (p !== undefined) direct.set(n.parent, p - n.members_total)
  }
  return direct
}

/** Members counted under the kind of the organisation they belong to directly. */
export function membersByKind(nodes: OrgNode[]): Array<{ kind: string; members: number; orgs: number }> {
  const direct = directMembers(nodes)
  const acc = new Map<string, { members: number; orgs: number }>()
  for (const n of nodes) {
    const a = acc.get(n.kind) ?? { members: 0, orgs: 0 }
    a.members += direct.get(n.id) ?? 0
    a.orgs += 1
    acc.set(n.kind, a)
  }
  return [...acc.entries()].map(([kind, a]) => ({ kind, ...a })).sort((x, y) => y.members - x.members)
}

/** Ids of the nodes down to depth (inclusive), to open the tree that far. */
export function expandedTo(nodes: OrgNode[], depth: number): number[] {
  return nodes.filter((n) => n.depth < depth && n.children > 0).map((n) => n.id)
}

/**
 * The names that more than one organisation of a list bears (compared
 * without case or diacritics): those rows show their code and parent too,
 * so that "Chi bộ bản Na" of one commune is told from another's.
 */
export function duplicateNames(rows: Array<{ name: string }>): Set<string> {
  const key = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim()
  const seen = new Map<string, number>()
  for (const r of rows) seen.set(key(r.name), (seen.get(key(r.name)) ?? 0) + 1)
  return new Set(rows.filter((r) => (seen.get(key(r.name)) ?? 0) > 1).map((r) => r.name))
}
