import { DeckLoader } from '../present/DeckLoader';
import { SpeakerDeck } from '../present/SpeakerDeck';

/** The speaker view of presenter mode: `/speaker/<slug>/<n>`, opened with S from the slides. */
export function SpeakerPage({ slug, slide }: { readonly slug: string; readonly slide?: string }) {
  return (
    <DeckLoader slug={slug}>
      {(lesson, slides, previews) => (
        <SpeakerDeck lesson={lesson} slides={slides} previews={previews} slideParam={slide} />
      )}
    </DeckLoader>
  );
}
