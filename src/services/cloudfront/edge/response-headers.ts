/**
 * Response headers policies: AWS's managed ones (CORS and security headers) and how a policy's
 * headers are applied to a response on its way to the viewer: CORS headers for requests with an
 * Origin, security headers, custom headers (each overriding the origin's or not), removed headers.
 */

const list = (items: string[]) => ({ Quantity: items.length, Items: items });

const SECURITY = {
  XSSProtection: { Override: false, Protection: true, ModeBlock: true },
  FrameOptions: { Override: false, FrameOption: 'SAMEORIGIN' },
  ReferrerPolicy: { Override: false, ReferrerPolicy: 'strict-origin-when-cross-origin' },
  ContentTypeOptions: { Override: true },
  StrictTransportSecurity: { Override: false, IncludeSubdomains: false, Preload: false, AccessControlMaxAgeSec: 31536000 },
};

const SIMPLE_CORS = {
  AccessControlAllowOrigins: list(['*']),
  AccessControlAllowHeaders: list(['*']),
  AccessControlAllowMethods: list(['ALL']),
  AccessControlAllowCredentials: false,
  AccessControlExposeHeaders: list(['*']),
  OriginOverride: false,
};

const PREFLIGHT_CORS = { ...SIMPLE_CORS, AccessControlAllowMethods: list(['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS']), AccessControlMaxAgeSec: 600 };

export const MANAGED_RESPONSE_HEADERS_POLICIES: { id: string; config: any }[] = [
  { id: '60669652-455b-4ae9-85a4-c4c02393f86c', config: { Name: 'Managed-SimpleCORS', Comment: 'Allows all origins for simple CORS requests', CorsConfig: SIMPLE_CORS } },
  { id: '5cc3b908-e619-4b99-88e5-2cf7f45965bd', config: { Name: 'Managed-CORS-With-Preflight', Comment: 'Allows all origins for CORS requests, including preflight requests', CorsConfig: PREFLIGHT_CORS } },
  { id: '67f7725c-6f97-4210-82d7-5512b31e9d03', config: { Name: 'Managed-SecurityHeadersPolicy', Comment: 'Adds a set of security headers to every response', SecurityHeadersConfig: SECURITY } },
  {
    id: 'e61eb60c-9c35-4d20-a928-2b84e02af89c',
    config: { Name: 'Managed-CORS-and-SecurityHeadersPolicy', Comment: 'Allows all origins for simple CORS requests and adds security headers', CorsConfig: SIMPLE_CORS, SecurityHeadersConfig: SECURITY },
  },
  {
    id: 'eaab4381-ed33-4a86-88ca-d9558dc6cd63',
    config: {
      Name: 'Managed-CORS-with-preflight-and-SecurityHeadersPolicy',
      Comment: 'Allows all origins for CORS requests, including preflight requests, and adds security headers',
      CorsConfig: PREFLIGHT_CORS,
      SecurityHeadersConfig: SECURITY,
    },
  },
];

export function managedResponseHeadersPolicy(id: string) {
  return MANAGED_RESPONSE_HEADERS_POLICIES.find((p) => p.id === id);
}

/** The response headers after the policy `config` is applied (names lower-cased). */
export function applyResponseHeadersPolicy(config: any, headers: Record<string, string>, requestHeaders: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  const set = (name: string, value: string, override: boolean) => {
    if (override || out[name] === undefined) out[name] = value;
  };
  const cors = config.CorsConfig;
  const origin = requestHeaders.origin;
  if (cors && origin) {
    const origins: string[] = cors.AccessControlAllowOrigins?.Items ?? [];
    const allowed = origins.includes('*') ? (cors.AccessControlAllowCredentials ? origin : '*') : origins.includes(origin) ? origin : undefined;
    if (allowed) {
      const override = cors.OriginOverride === true;
      set('access-control-allow-origin', allowed, override);
      if (cors.AccessControlAllowCredentials) set('access-control-allow-credentials', 'true', override);
      const expose: string[] = cors.AccessControlExposeHeaders?.Items ?? [];
      if (expose.length) set('access-control-expose-headers', expose.join(','), override);
      if (requestHeaders['access-control-request-method']) {
        const methods: string[] = cors.AccessControlAllowMethods?.Items ?? [];
        set('access-control-allow-methods', methods.includes('ALL') ? 'GET,HEAD,PUT,POST,PATCH,DELETE,OPTIONS' : methods.join(','), override);
        const allowHeaders: string[] = cors.AccessControlAllowHeaders?.Items ?? [];
        if (allowHeaders.length) set('access-control-allow-headers', allowHeaders.includes('*') ? (requestHeaders['access-control-request-headers'] ?? '*') : allowHeaders.join(','), override);
        if (cors.AccessControlMaxAgeSec !== undefined) set('access-control-max-age', String(cors.AccessControlMaxAgeSec), override);
      }
    }
  }
  const sec = config.SecurityHeadersConfig;
  if (sec) {
    const x = sec.XSSProtection;
    if (x) set('x-xss-protection', x.Protection ? `1${x.ModeBlock ? '; mode=block' : ''}${x.ReportUri ? `; report=${x.ReportUri}` : ''}` : '0', x.Override === true);
    if (sec.FrameOptions) set('x-frame-options', String(sec.FrameOptions.FrameOption), sec.FrameOptions.Override === true);
    if (sec.ReferrerPolicy) set('referrer-policy', String(sec.ReferrerPolicy.ReferrerPolicy), sec.ReferrerPolicy.Override === true);
    if (sec.ContentSecurityPolicy) set('content-security-policy', String(sec.ContentSecurityPolicy.ContentSecurityPolicy), sec.ContentSecurityPolicy.Override === true);
    if (sec.ContentTypeOptions) set('x-content-type-options', 'nosniff', sec.ContentTypeOptions.Override === true);
    const h = sec.StrictTransportSecurity;
    if (h) set('strict-transport-security', `max-age=${h.AccessControlMaxAgeSec}${h.IncludeSubdomains ? '; includeSubDomains' : ''}${h.Preload ? '; preload' : ''}`, h.Override === true);
  }
  for (const c of config.CustomHeadersConfig?.Items ?? []) set(String(c.Header).toLowerCase(), String(c.Value), c.Override === true);
  for (const r of config.RemoveHeadersConfig?.Items ?? []) delete out[String(r.Header).toLowerCase()];
  return out;
}
