/**
 * The final quiz score (in %) that passes the course. The app uses it when the LMS gives no
 * cmi.student_data.mastery_score; scripts/build-scorm.ts writes it into imsmanifest.xml as
 * adlcp:masteryscore, from which the LMS gives it. Its own module so that the build script (Node) can
 * read it without the app's Vite-only imports.
 */
export const MASTERY_SCORE = 80;
