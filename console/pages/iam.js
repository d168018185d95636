/** IAM: roles, users and customer managed policies. */
import { list, listing, when } from '../lib/resources.js';

const all = async (ctx, action, key, params = {}) => {
  const out = [];
  let marker;
  do {
    const r = await ctx.aws.query('iam', action, marker ? { ...params, Marker: marker } : params);
    out.push(...list(r[key]?.member));
    marker = r.IsTruncated === 'true' ? r.Marker : undefined;
  } while (marker);
  return out;
};

export default {
  id: 'iam',
  title: 'IAM',
  routes: [
    {
      path: '',
      render: listing('IAM', [
        { title: 'Roles', load: (ctx) => all(ctx, 'ListRoles', 'Roles'), columns: () => [{ label: 'Name', cell: (r) => r.RoleName }, { label: 'ARN', cell: (r) => r.Arn }, { label: 'Created', cell: (r) => when(r.CreateDate) }] },
        { title: 'Users', load: (ctx) => all(ctx, 'ListUsers', 'Users'), columns: () => [{ label: 'Name', cell: (u) => u.UserName }, { label: 'ARN', cell: (u) => u.Arn }, { label: 'Created', cell: (u) => when(u.CreateDate) }] },
        { title: 'Policies', load: (ctx) => all(ctx, 'ListPolicies', 'Policies', { Scope: 'Local' }), columns: () => [{ label: 'Name', cell: (p) => p.PolicyName }, { label: 'ARN', cell: (p) => p.Arn }, { label: 'Attachments', cell: (p) => p.AttachmentCount }] },
      ]),
    },
  ],
};
