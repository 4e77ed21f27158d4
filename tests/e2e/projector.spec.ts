// Presenter mode on a 1920x1080 projector: every slide of every deck fits the screen, and the figures
// on it are legible from the back of a room (text, titles and plotted lines measured as drawn).
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const MIN_LABEL_PX = 20;
const MIN_TITLE_PX = 28;
const MIN_LINE_PX = 3;
const MIN_LINE_CONTRAST = 3;
const SCREEN = { width: 1920, height: 1080 };

/** How many slides a deck has, and whether it places a figure (a component that is not words). */
function deckOf(mdx: string) {
  const figures = (mdx.match(/<[A-Z][A-Za-z]*/g) ?? []).filter(
    (tag) => !['<Slide', '<Tex', '<Claim', '<TryThis'].includes(tag),
  );
  return { count: (mdx.match(/<Slide\s/g) ?? []).length, placesFigures: figures.length > 0 };
}

/** The decks, read from the lessons themselves: each slides.mdx and how many `<Slide>` it holds. */
const decks = readdirSync('lessons', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    slug: entry.name,
    ...deckOf(readFileSync(`lessons/${entry.name}/slides.mdx`, 'utf8')),
  }))
  .sort((a, b) => a.slug.localeCompare(b.slug));

interface Measures {
  readonly hasFigure: boolean;
  /** The slide's content height and the room it has, and the bottom of the presenter bar. */
  readonly contentHeight: number;
  readonly slideHeight: number;
  readonly pageBottom: number;
  /** Text drawn smaller than allowed: "where: text (size px)". */
  readonly smallText: string[];
  readonly smallTitles: string[];
  readonly thinLines: string[];
  readonly faintLines: string[];
  readonly counts: { texts: number; titles: number; lines: number };
}

/**
 * Measures the slide on screen. Sizes are as drawn: an SVG's font size or stroke width times the scale
 * its viewBox applies (getScreenCTM), so text in a drawing that shrinks to fit counts at its real size.
 */
function measureSlide(page: Page): Promise<Measures> {
  return page.evaluate(
    ({ minLabel, minTitle, minLine }) => {
      const slide = document.querySelector<HTMLElement>('.presenter .slide');
      if (!slide) throw new Error('no slide on the page');
      const figures = [...slide.querySelectorAll<HTMLElement>('figure, .figure')];
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
      };
      const scaleOf = (element: Element) => {
        const svg = element instanceof SVGElement ? element.ownerSVGElement : null;
        const matrix = svg && element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
        return matrix ? Math.hypot(matrix.a, matrix.b) : 1;
      };
      const where = (element: Element) => {
        const figure = element.closest('figure, .figure');
        const title = figure?.querySelector('.figure-title')?.textContent ?? 'figure';
        return `${title} ${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`;
      };
      const smallText: string[] = [];
      const smallTitles: string[] = [];
      const thinLines: string[] = [];
      const faintLines: string[] = [];
      const counts = { texts: 0, titles: 0, lines: 0 };
      const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const channel = (value: number) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
      };
      const backgroundOf = (element: Element) => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const rgba = parse(getComputedStyle(node).backgroundColor);
          if (rgba.length === 3 || (rgba[3] ?? 0) > 0) return rgba.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const opacityOf = (element: Element) => {
        let opacity = 1;
        for (let node: Element | null = element; node && node !== slide; node = node.parentElement) {
          opacity *= Number(getComputedStyle(node).opacity);
        }
        return opacity;
      };
      for (const figure of figures) {
        if (!visible(figure)) continue;
        for (const title of figure.querySelectorAll('.figure-title')) {
          counts.titles += 1;
          const size = Number.parseFloat(getComputedStyle(title).fontSize);
          if (size < minTitle) smallTitles.push(`${title.textContent}: ${size.toFixed(1)} px`);
        }
        // Every piece of text drawn in the figure: SVG <text> and the HTML that carries words, the
        // controls and caption aside (controls follow the slide's text; the caption is hidden here).
        const graphic = figure.querySelectorAll('.figure-graphic text, .figure-graphic *:not(svg *)');
        for (const element of graphic) {
          const own = [...element.childNodes]
            .filter((node) => node.nodeType === Node.TEXT_NODE)
            .map((node) => node.textContent ?? '')
            .join('')
            .trim();
          const isSvgText = element.tagName.toLowerCase() === 'text';
          const text = isSvgText ? (element.textContent ?? '').trim() : own;
          if (!text || !visible(element) || element.closest('.visually-hidden')) continue;
          counts.texts += 1;
          const size = Number.parseFloat(getComputedStyle(element).fontSize) * scaleOf(element);
          if (size < minLabel - 0.05) smallText.push(`${where(element)} “${text}”: ${size.toFixed(1)} px`);
        }
        for (const line of figure.querySelectorAll<SVGGraphicsElement>('path.line-series')) {
          if (!visible(line)) continue;
          counts.lines += 1;
          const style = getComputedStyle(line);
          const width = Number.parseFloat(style.strokeWidth) * scaleOf(line);
          if (width < minLine - 0.05) thinLines.push(`${where(line)}: ${width.toFixed(2)} px`);
          const alpha = Number(style.strokeOpacity) * opacityOf(line);
          const stroke = parse(style.stroke);
          const back = backgroundOf(figure);
          const seen = stroke.slice(0, 3).map((value, i) => alpha * value + (1 - alpha) * (back[i] ?? 0));
          const [light, dark] = [luminance(seen), luminance(back)].sort((a, b) => b - a);
          const contrast = ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
          faintLines.push(`${where(line)} ${style.stroke}@${alpha.toFixed(2)}: ${contrast.toFixed(2)}`);
        }
      }
      const bar = document.querySelector('.presenter-bar');
      return {
        hasFigure: figures.length > 0 || slide.querySelector('.live-panel') !== null,
        contentHeight: slide.scrollHeight,
        slideHeight: slide.clientHeight,
        pageBottom: Math.max(
          document.documentElement.scrollHeight,
          bar ? bar.getBoundingClientRect().bottom : 0,
        ),
        smallText,
        smallTitles,
        thinLines,
        faintLines,
        counts,
      };
    },
    { minLabel: MIN_LABEL_PX, minTitle: MIN_TITLE_PX, minLine: MIN_LINE_PX },
  );
}

/** The lines whose contrast against their figure is below the WCAG 2.x minimum for graphics. */
const lowContrast = (lines: readonly string[]) =>
  lines.filter((line) => Number(line.slice(line.lastIndexOf(':') + 1)) < MIN_LINE_CONTRAST);

function expectLegible(measures: Measures, label: string) {
  expect
    .soft(measures.contentHeight, `${label}: content taller than its slide`)
    .toBeLessThanOrEqual(measures.slideHeight);
  expect.soft(measures.pageBottom, `${label}: taller than the screen`).toBeLessThanOrEqual(SCREEN.height);
  expect.soft(measures.smallTitles, `${label}: figure titles under ${MIN_TITLE_PX} px`).toEqual([]);
  expect.soft(measures.smallText, `${label}: figure text under ${MIN_LABEL_PX} px`).toEqual([]);
  expect.soft(measures.thinLines, `${label}: plotted lines under ${MIN_LINE_PX} px`).toEqual([]);
}

async function openSlide(page: Page, slug: string, number: number, count: number) {
  await page.goto(`/#/present/${slug}/${number}`);
  await expect(page.getByRole('region', { name: new RegExp(`^Slide ${number} of ${count}:`) })).toBeVisible();
  // A figure draws once its code has downloaded, then measures its width after the first paint.
  await expect(page.getByText('Drawing the figure…')).toHaveCount(0);
  await page.waitForTimeout(300);
}

test.use({ viewport: SCREEN });

for (const deck of decks) {
  test(`every slide of ${deck.slug} fits a 1920x1080 screen with legible figures`, async ({ page }) => {
    test.setTimeout(30_000 + deck.count * 4_000);
    expect(deck.count).toBeGreaterThan(0);
    let titles = 0;
    for (let number = 1; number <= deck.count; number += 1) {
      await openSlide(page, deck.slug, number, deck.count);
      const measures = await measureSlide(page);
      expectLegible(measures, `${deck.slug} slide ${number}`);
      titles += measures.counts.titles;
    }
    // A deck that places figures but in which no figure title was measured was not measured at all.
    if (deck.placesFigures) expect(titles, 'no figure title was measured').toBeGreaterThan(0);
  });
}

/** A slide's button that trains its live figures (the memory-horizon sweep's Run takes minutes: not it). */
const trainButton = (page: Page) =>
  page.locator('.presenter .slide').getByRole('button', { name: 'Train', exact: true }).first();

/** The most a slide trains before it is measured: enough for its figures to fill on a loaded machine. */
const TRAINING_MS = 60_000;

test('slides that train still fit the screen, and their figures stay legible, after training', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const trained: string[] = [];
  for (const deck of decks) {
    for (let number = 1; number <= deck.count; number += 1) {
      await openSlide(page, deck.slug, number, deck.count);
      if ((await trainButton(page).count()) === 0) continue;
      const slide = page.locator('.presenter .slide');
      const speed = slide.getByLabel('Speed');
      if ((await speed.count()) > 0) await speed.first().selectOption({ label: 'As fast as possible' });
      await trainButton(page).click();
      // Filled: every run has finished, or a minute of training has passed (measured as it stands then).
      const finished = async () =>
        (await slide.getByRole('button', { name: 'Train again', exact: true }).count()) > 0 &&
        (await slide.locator('.run-status li').allTextContents()).every((line) =>
          /finished|stopped|diverged/.test(line),
        );
      await expect
        .poll(finished, { timeout: TRAINING_MS, intervals: [1_000] })
        .toBe(true)
        .catch(() => {});
      await page.waitForTimeout(500);
      const measures = await measureSlide(page);
      expectLegible(measures, `${deck.slug} slide ${number} after training`);
      expect(measures.counts.texts, `${deck.slug} slide ${number}: no figure text drawn`).toBeGreaterThan(0);
      if (`${deck.slug}/${number}` === '03-lstm/13') {
        expect(measures.counts.lines, 'lesson 3 slide 13 drew no loss curve').toBeGreaterThan(0);
      }
      trained.push(`${deck.slug}/${number}`);
    }
  }
  expect(trained).toContain('03-lstm/13');
});

test('on the dark projector theme every plotted line keeps 3:1 contrast against its figure', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#/present/03-lstm/1');
  await page.getByRole('button', { name: 'Dark slides' }).click();
  await expect(page.locator('.presenter')).toHaveAttribute('data-projector', 'dark');
  let lines = 0;
  for (const deck of decks) {
    for (let number = 1; number <= deck.count; number += 1) {
      await openSlide(page, deck.slug, number, deck.count);
      const measures = await measureSlide(page);
      if (!measures.hasFigure) continue;
      lines += measures.counts.lines;
      expect.soft(lowContrast(measures.faintLines), `${deck.slug} slide ${number}`).toEqual([]);
    }
  }
  expect(lines, 'no plotted line was measured').toBeGreaterThan(0);
});
