import { getRequestConfig } from 'next-intl/server';
import { catalogues, formattingTag } from '@/components/i18n/catalogue';
import { getViewer } from '@/server/auth/viewer';

/** next-intl's per-request configuration: the viewer's language (cookie, user, academy) and timezone. */
export default getRequestConfig(async () => {
  const viewer = await getViewer();
  return { locale: formattingTag(viewer.locale), timeZone: viewer.timezone, messages: catalogues[viewer.locale] };
});
