import { createTheme } from '@mantine/core';

const systemFonts =
  "Inter, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white text on primary buttons above the WCAG AA contrast ratio.
  primaryShade: { light: 7, dark: 5 },
  autoContrast: true,
  fontFamily: systemFonts,
  fontFamilyMonospace: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  headings: { fontFamily: systemFonts, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'md', withBorder: true } },
    // One input size everywhere, so that filters and forms line up.
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    MultiSelect: { defaultProps: { size: 'md' } },
    TagsInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    Autocomplete: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
    Button: { defaultProps: { size: 'md' } },
    // On a phone a long label wraps beside its switch; the track itself never shrinks out of sight.
    Switch: { styles: { body: { minWidth: 0 }, track: { flexShrink: 0 }, labelWrapper: { minWidth: 0, overflowWrap: 'anywhere' } } },
    // A status is read in full: a badge wraps onto a second line rather than end in "…"
    // ("PARTIELLEMENT PAYÉE" in a narrow column, an allocation "F2026-00013 · 1 120,00 €").
    Badge: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'anywhere', lineHeight: 1.25, textAlign: 'center' },
      },
    },
  },
});
