/**
 * Route patterns of presenter mode and the claims page. The hash router hands over everything after the
 * first `#`, so these accept a query typed inside the hash (`#/present/03-lstm/2?controls=0`) and, for
 * the claims page, a claim's id after a second `#` (`#/claims#step-time`, the links <Claim> makes).
 */
export const presentRoute = /^\/present\/(?<slug>[^/?#]+)(?:\/(?<slide>[^/?#]*))?\/?(?:\?.*)?$/;
export const speakerRoute = /^\/speaker\/(?<slug>[^/?#]+)(?:\/(?<slide>[^/?#]*))?\/?(?:\?.*)?$/;
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
