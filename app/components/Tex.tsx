import katex from 'katex';
import { useMemo } from 'react';

/**
 * A formula that changes at run time (lesson text formulas are rendered at build time instead).
 * KaTeX writes both HTML for the eye and MathML for screen readers. Bad TeX shows a visible error box.
 */
export function Tex({ children, display = false }: { children: string; display?: boolean }) {
  const rendered = useMemo(() => {
    try {
      return {
        html: katex.renderToString(children, {
          displayMode: display,
          output: 'htmlAndMathml',
          throwOnError: true,
        }),
      };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [children, display]);
  if ('error' in rendered) {
    return (
      <span className="katex-error tex-error" role="note">
        Formula error: {rendered.error} <code>{children}</code>
      </span>
    );
  }
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={display ? 'tex tex-display' : 'tex'}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX escapes the TeX it is given; this is markup it generated.
      dangerouslySetInnerHTML={{ __html: rendered.html }}
    />
  );
}
