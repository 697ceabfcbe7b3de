// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';

export default defineConfig({
  // Pages are written as files (lessons/language.html) so that every link works from any
  // folder a learning platform unpacks the course into, and on hosts with no directory index.
  build: { format: 'file', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  integrations: [preact(), mdx()],
  devToolbar: { enabled: false },
  telemetry: false,
});
