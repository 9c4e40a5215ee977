import { basicCredentials } from '../http-message';
import { bool, str } from '../sample';
import type { StreamContext } from '../context';
import { registerFetches } from './registry';

function check(ctx: StreamContext, listName: string): string | undefined {
  const creds = basicCredentials(ctx.http);
  const list = ctx.env.userlists.get(listName);
  if (!creds || !list) return undefined;
  const user = list.get(creds.user);
  if (!user) return undefined;
  if (user.password.startsWith('crypt:')) {
    ctx.unsupported.add(`userlist ${listName}: hashed password of '${creds.user}' (only insecure-password can be checked)`);
    return undefined;
  }
  return user.password === `plain:${creds.pass}` ? creds.user : undefined;
}

registerFetches([
  {
    name: 'http_auth',
    type: 'bool',
    run: (ctx, [list = '']) => {
      const user = check(ctx, list);
      if (user) ctx.authUser = user;
      return [bool(!!user)];
    },
  },
  {
    name: 'http_auth_group',
    type: 'str',
    run: (ctx, [list = '']) => {
      const user = check(ctx, list);
      if (!user) return [];
      return (ctx.env.userlists.get(list)?.get(user)?.groups ?? []).map(str);
    },
  },
  {
    name: 'http_auth_user',
    type: 'str',
    run: (ctx) => {
      const creds = basicCredentials(ctx.http);
      return creds ? [str(creds.user)] : [];
    },
  },
]);
