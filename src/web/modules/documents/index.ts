// The web side of the commercial-document kernel: what every document kind's pages share.
export {
  DEFAULT_EXEMPTION,
  emptyLine,
  eurosToCents,
  formPathOf,
  isKnownUnit,
  lineValuesOf,
  liveTotals,
  parseLines,
  parseScaled,
  scaledToInput,
  UNITS,
  unitLabel,
  VAT_CHOICES,
  vatLabelKey,
  type DiscountKind,
  type LineValues,
  type LiveTotals,
  type ParsedLines,
  type TypingKey,
  type Unit,
  type UnitKey,
  type VatChoice,
} from './line-form';
export { LineEditor, type LineEditorTexts, type LinesForm } from './LineEditor';
export { TotalLine, TotalsCard, useVatText } from './TotalsCard';
export { useUnitLabel } from './use-unit-label';
export { SendMailModal, type MailPreviewData, type SendMailTexts } from './SendMailModal';
