export { createDraftQuote, deleteDraftQuote, duplicateQuote, updateDraftQuote } from './draft-quotes.js';
export { getQuote, listQuotes } from './get-quote.js';
export { invoiceQuote } from './invoice-quote.js';
export { acceptQuoteForClient, refuseQuoteForClient, sendBackQuote, submitQuote, validateQuote } from './move-quote.js';
export { acceptQuoteOnPortal, portalQuote, refuseQuoteOnPortal } from './portal-quotes.js';
export { getQuotesSettings, updateQuotesSettings } from './quotes-settings.js';
export { quotePortalRoutes, quoteRoutes } from './routes.js';
export { sendQuote } from './send-quote.js';
export { quoteNumbers, type QuoteNumber } from './quote-numbers.js';
