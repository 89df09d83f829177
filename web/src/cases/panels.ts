// The panel of each kind of case, shown by the case page: one line per kind
// (docs/adding-a-case-kind.md). A kind without its own parts has none.
import type { Component } from 'vue'
import InspectionPanel from './InspectionPanel.vue'
import SupervisionPanel from './SupervisionPanel.vue'
import DisciplinePanel from './DisciplinePanel.vue'
import AppraisalPanel from './AppraisalPanel.vue'
import AdmissionPanel from './AdmissionPanel.vue'
import TripPanel from './TripPanel.vue'
import StayPanel from './StayPanel.vue'
import DenunciationPanel from './DenunciationPanel.vue'

export const panels: Record<string, Component> = {
  kiem_tra: InspectionPanel,
  giam_sat: SupervisionPanel,
  ky_luat: DisciplinePanel,
  tham_dinh: AppraisalPanel,
  tham_tra_ly_lich: AdmissionPanel,
  ra_nuoc_ngoai: TripPanel,
  o_nuoc_ngoai: StayPanel,
  to_cao: DenunciationPanel,
}
