// Loading the organisation tree, shared by the pages that show it.
import { get } from './api'
import type { OrgNode } from './tree'

export interface OrgTree {
  as_of: string
  organisations: number
  members: number
  nodes: OrgNode[]
}

export function loadTree(asOf?: string): Promise<OrgTree> {
  return get<OrgTree>('/api/orgs', { as_of: asOf })
}
