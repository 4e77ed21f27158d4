/**
 * Route patterns of every page that takes parameters: lessons, the playground, the language lab,
 * presenter mode and the claims page. The hash router hands over everything after the first `#`, so these accept a query
 * typed inside the hash (`#/playground?cell=gru`, `#/present/03-lstm/2?controls=0`) as well as before
 * it (`/?cell=gru#/playground`, the form the app writes) and, for the claims page, a claim's id after
 * a second `#` (`#/claims#step-time`, the links <Claim> makes).
 */
export const lessonRoute = /^\/lessons\/(?<slug>[^/?#]+)(?:\/(?<section>[^/?#]+))?\/?(?:\?.*)?$/;
export const playgroundRoute = /^\/playground\/?(?:\?.*)?$/;
export const labRoute = /^\/lab\/?(?:\?.*)?$/;
export const presentRoute = /^\/present\/(?<slug>[^/?#]+)(?:\/(?<slide>[^/?#]*))?\/?(?:\?.*)?$/;
export const speakerRoute = /^\/speaker\/(?<slug>[^/?#]+)(?:\/(?<slide>[^/?#]*))?\/?(?:\?.*)?$/;
export const answersRoute = /^\/answers\/(?<slug>[^/?#]+)\/?(?:\?.*)?$/;
export const claimsRoute = /^\/claims\/?(?:#(?<claim>[^?#/]*))?(?:\?.*)?$/;

/** True for the presenter's full-screen routes, which show no site header or footer. */
export function isPresenterLocation(location: string): boolean {
  return presentRoute.test(location) || speakerRoute.test(location);
}

/** The slide number a URL names (from 1), or null when it names none or something else. */
export function slideNumber(param: string | undefined): number | null {
  if (param === undefined || !/^\d{1,4}$/.test(param)) return null;
  const number = Number(param);
  return number >= 1 ? number : null;
}

/**
 * The query a page reads: the one typed inside the hash (`#/playground?lr=0.1`) when there is one,
 * else the address's own (`?lr=0.1#/playground`), without the leading '?'.
 */
export function pageQuery(location: string, search: string): string {
  const mark = location.indexOf('?');
  return mark === -1 ? search.replace(/^\?/, '') : location.slice(mark + 1);
}
