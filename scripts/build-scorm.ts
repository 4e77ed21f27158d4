// Builds the SCORM 1.2 package: the static site with relative addresses and no service worker
// (vite --mode scorm --base ./), an imsmanifest.xml beside index.html, all zipped into
// dist-scorm/unroll-scorm.zip for an LMS (Moodle, Canvas, Blackboard) to import.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { MASTERY_SCORE } from '../app/scorm/mastery.ts';

export const SCORM_DIR = 'dist-scorm';
export const SITE_DIR = join(SCORM_DIR, 'site');
export const ZIP_PATH = join(SCORM_DIR, 'unroll-scorm.zip');
const TITLE = 'Unroll: recurrent neural networks, live';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The manifest of a one-SCO SCORM 1.2 package whose files are `files` (paths relative to the root). */
export function scormManifest(files: readonly string[], masteryScore = MASTERY_SCORE): string {
  const fileList = files.map((file) => `      <file href="${escapeXml(file)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="unroll-course" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="unroll-organization">
    <organization identifier="unroll-organization">
      <title>${escapeXml(TITLE)}</title>
      <item identifier="unroll-item" identifierref="unroll-sco" isvisible="true">
        <title>${escapeXml(TITLE)}</title>
        <adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="unroll-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

/** Every file under `dir`, as '/'-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function main() {
  rmSync(SCORM_DIR, { recursive: true, force: true });
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'scorm', '--base', './', '--outDir', SITE_DIR], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const files = listFiles(SITE_DIR).filter((file) => file !== 'imsmanifest.xml');
  writeFileSync(join(SITE_DIR, 'imsmanifest.xml'), scormManifest(files));
  const entries: Record<string, Uint8Array> = {};
  for (const file of ['imsmanifest.xml', ...files]) entries[file] = readFileSync(join(SITE_DIR, file));
  writeFileSync(ZIP_PATH, zipSync(entries, { level: 9 }));
  console.log(`SCORM 1.2 package: ${ZIP_PATH} (${files.length + 1} files, ${statSync(ZIP_PATH).size} bytes)`);
}

if (process.argv[1]?.endsWith('build-scorm.ts')) main();
