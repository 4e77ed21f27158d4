import { AudienceDeck } from '../present/AudienceDeck';
import { DeckLoader } from '../present/DeckLoader';

/** Presenter mode: `/present/<slug>/<n>` shows slide n of the lesson, full screen. */
export function PresentPage({ slug, slide }: { readonly slug: string; readonly slide?: string }) {
  return (
    <DeckLoader slug={slug}>
      {(lesson, slides) => <AudienceDeck lesson={lesson} slides={slides} slideParam={slide} />}
    </DeckLoader>
  );
}
