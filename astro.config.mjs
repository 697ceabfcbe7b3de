// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import preact from '@astrojs/preact';
import { glossaryLinksPlugin } from './src/lib/glossaryLinks.ts';

export default defineConfig({
  // Pages are written as files (lessons/language.html) so that every link works from any
  // folder a learning platform unpacks the course into, and on hosts with no directory index.
  build: { format: 'file', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  // MDX is compiled by Astro's default processor (Sätteri) with one HAST plugin: the first time a
  // glossary entry appears in a lesson's prose, it links to glossary.html.
  integrations: [preact(), mdx({ processor: satteri({ hastPlugins: [glossaryLinksPlugin({ root: '../' })] }) })],
  devToolbar: { enabled: false },
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
      ],
    },
  },
  vite: {
    // URLs that scripts build at run time (the preload list of a lazily loaded chunk) are
    // relative to the script, not to the site root, so they work inside a package too.
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
    build: {
      // No <link rel="modulepreload"> in pages: lazily loaded chunks (the embedded LMS, reconcile.ts)
      // are fetched only when needed.
      modulePreload: false,
      rollupOptions: {
        output: {
          // One shared chunk for what every lesson page needs at once (fewer requests, better
          // compression); the embedded LMS stays separate, loaded only when no platform is found,
          // and so does what only some pages or some learners need (the record and backup code,
          // the active-time clock, sharing reflections).
          advancedChunks: {
            groups: [
              { name: 'embedded-lms', test: /scorm-again|fallbackLms/, priority: 3 },
              { name: 'course', test: /node_modules[\\/](preact|xstate)|src[\\/](engine|schemas)|src[\\/]tracking[\\/](courseStore|savedState|status|outline)\.|src[\\/]islands[\\/](useCourseStore|useFocusAfterRender|labels|Sources|DialoguePlayer|ProgressNotice)|scorm[\\/]runtime[\\/](?!comments)/, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
