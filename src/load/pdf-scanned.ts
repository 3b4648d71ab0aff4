/**
 * Pages with fewer characters than this, that paint an image, are pictures of text. Its own
 * module so that the PDF model builder can use it without loading pdf.js in its thread.
 */
export const SCANNED_PAGE_CHARS = 20;
