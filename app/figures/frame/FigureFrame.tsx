import { type ReactNode, useId, useRef, useState } from 'react';
import { downloadPng, downloadSvg } from './exportFigure';
import { FigureNotice, type FigureUpdate } from './FigureNotice';
import { type FigureTable, FigureTableView } from './FigureTableView';

export type { FigureTable };

export interface FigureFrameProps {
  /** Short name of the figure, shown as its heading and used as its accessible name. */
  readonly title: string;
  /** One or two sentences saying what the figure shows now, in words (updated as the data changes). */
  readonly description: string;
  /** The numbers behind the figure; shown on request as a table. */
  readonly table?: FigureTable;
  /** File name (without extension) for exports. */
  readonly exportName: string;
  /** Controls drawn above the graphic (sliders, toggles). */
  readonly controls?: ReactNode;
  /** "What to notice" under the title, for a figure a lesson places (see FigureNotice). */
  readonly notice?: string;
  /** What the figure shows now, flashed when it changes; shown only with a notice. */
  readonly update?: FigureUpdate;
  readonly children: ReactNode;
}

/**
 * The frame every figure shares: a heading, the graphic, a caption in words, a "show data" table,
 * and export to SVG and PNG.
 */
export function FigureFrame({
  title,
  description,
  table,
  exportName,
  controls,
  notice,
  update,
  children,
}: FigureFrameProps) {
  const titleId = useId();
  const descriptionId = useId();
  const graphicRef = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);

  const exportSvg = () => {
    setExportProblem(null);
    if (graphicRef.current && !downloadSvg(graphicRef.current, exportName)) {
      setExportProblem('This figure is drawn on a canvas; save it as PNG instead.');
    }
  };
  const exportPng = () => {
    setExportProblem(null);
    if (!graphicRef.current) return;
    downloadPng(graphicRef.current, exportName).catch((error: unknown) =>
      setExportProblem(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <figure className="figure" aria-labelledby={titleId} aria-describedby={descriptionId}>
      <div className="figure-header">
        <h3 id={titleId} className="figure-title">
          {title}
        </h3>
        <div className="figure-actions">
          {table && (
            <button type="button" aria-pressed={showTable} onClick={() => setShowTable((shown) => !shown)}>
              {showTable ? 'Hide data' : 'Show data'}
            </button>
          )}
          <button type="button" onClick={exportSvg} aria-label={`Save “${title}” as SVG`}>
            SVG
          </button>
          <button type="button" onClick={exportPng} aria-label={`Save “${title}” as PNG`}>
            PNG
          </button>
        </div>
      </div>
      {notice && <FigureNotice notice={notice} update={update} />}
      {controls && <div className="figure-controls">{controls}</div>}
      <div className="figure-graphic" ref={graphicRef}>
        {children}
      </div>
      <figcaption id={descriptionId} className="figure-caption">
        {description}
      </figcaption>
      {exportProblem && (
        <p role="alert" className="figure-problem">
          {exportProblem}
        </p>
      )}
      {table && showTable && (
        <div className="figure-table-wrapper">
          <FigureTableView table={table} />
        </div>
      )}
    </figure>
  );
}
