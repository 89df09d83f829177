// The papers of a case (docs/openapi.yaml, /api/papers): the catalogue the
// server serves (papers, their templates, the fields), a paper's text as
// a preview returns it, and the links that download a generated one.
import { get } from './api'

export type PaperPart = 'superior' | 'issuer' | 'symbol' | 'type' | 'summary' | 'body' | 'sign_for' | 'sign_title' | 'signer' | 'recipients'
export type PaperTemplate = Record<PaperPart, string>

export interface Paper {
  code: string; name: string; name_en: string; kind: string; to_subject: boolean; per_letter: boolean
  template: PaperTemplate; default: PaperTemplate; version: number
  /** What is wrong with a stored template the program no longer accepts (a field renamed), or null. */
  problem: string | null
}
export interface PaperField { name: string; vi: string; en: string; kinds: string[]; list: boolean; protected: boolean; letter: boolean }
export interface PaperCatalogue { papers: Paper[]; parts: PaperPart[]; fields: PaperField[] }

export interface PaperLine { kind: 'para' | 'heading' | 'subheading' | 'hint'; text: string }
export interface PaperText {
  paper: string; name: string; name_en: string; superior: string | null; issuer: string | null; symbol: string | null
  type: string | null; summary: string | null; sign_for: string | null; sign_title: string | null; signer: string | null
  body: PaperLine[]; recipients: string[]; number: string; place_date: string; mark: string | null; title: string
}

export const catalogue = () => get<PaperCatalogue>('/api/papers')

/** Where a generated paper (a document of the case) downloads as format. */
export const paperUrl = (doc: number, format: 'docx' | 'pdf') => `/api/documents/${doc}/paper?format=${format}`
