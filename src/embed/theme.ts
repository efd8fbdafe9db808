/**
 * A host may ask for the embed's colours (?theme=light|dark) whatever the reader's system prefers. The two
 * palettes live once, in tokens.css (`:root`, and `:root` under `prefers-color-scheme: dark`): this reads the
 * one asked for from the page's own stylesheets and sets it on the root element (CSSOM, allowed by the CSP).
 */
export function applyTheme(theme: 'light' | 'dark'): void {
  const root = document.documentElement;
  const palette = new Map<string, string>();
  const visit = (rules: CSSRuleList, dark: boolean) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSMediaRule) {
        const media = rule.conditionText || rule.media.mediaText;
        if (/prefers-color-scheme:\s*dark/.test(media)) visit(rule.cssRules, true);
        continue;
      }
      if ('cssRules' in rule && !(rule instanceof CSSStyleRule)) {
        visit((rule as CSSGroupingRule).cssRules, dark);
        continue;
      }
      if (!(rule instanceof CSSStyleRule) || rule.selectorText !== ':root' || dark !== (theme === 'dark')) continue;
      for (const name of Array.from(rule.style)) if (name.startsWith('--ox-')) palette.set(name, rule.style.getPropertyValue(name));
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules, false);
    } catch {
      // A stylesheet from another origin: none of ours.
    }
  }
  // Dark values override the light ones they share; for light, only the base block was read.
  for (const [name, value] of palette) root.style.setProperty(name, value);
  root.style.setProperty('color-scheme', theme);
  root.dataset['theme'] = theme;
}
