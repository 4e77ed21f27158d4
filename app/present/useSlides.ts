import type { MDXContent } from 'mdx/types';
import { useEffect, useMemo, useState } from 'react';
import { slidesLoader } from '../course';
import { preloadFigures, slideComponents } from '../mdx/lessonPageComponents';
import { afterNextPaint } from '../shared/afterNextPaint';
import { extractSlides, previewComponents, type SlideData } from './slides';

export type SlidesLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly message: string }
  | {
      readonly status: 'ready';
      /** Each slide with its live figures. */
      readonly slides: readonly SlideData[];
      /** The same slides with figures as labelled boxes, for the speaker view's preview. */
      readonly previews: readonly SlideData[];
    };

const previewMap = previewComponents(slideComponents);

/** Loads a lesson's slides.mdx (a chunk of its own) and splits it into slides. */
export function useSlides(slug: string): SlidesLoad {
  const [loaded, setLoaded] = useState<
    { slug: string; Content: MDXContent } | { slug: string; error: string } | null
  >(null);
  // The figures' code once the first slide has been painted, so that the next slide's figure is ready.
  const ready = loaded?.slug === slug && 'Content' in loaded;
  useEffect(() => {
    if (!ready) return;
    return afterNextPaint(() => void preloadFigures().catch(() => undefined));
  }, [ready]);
  useEffect(() => {
    const load = slidesLoader(slug);
    if (!load) return;
    let current = true;
    load().then(
      (module) => {
        if (current) setLoaded({ slug, Content: module.default });
      },
      (error: unknown) => {
        if (current) setLoaded({ slug, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [slug]);
  return useMemo((): SlidesLoad => {
    if (!slidesLoader(slug)) return { status: 'missing' };
    if (!loaded || loaded.slug !== slug) return { status: 'loading' };
    if ('error' in loaded) return { status: 'failed', message: loaded.error };
    try {
      return {
        status: 'ready',
        slides: extractSlides(loaded.Content, slideComponents),
        previews: extractSlides(loaded.Content, previewMap),
      };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }, [slug, loaded]);
}
