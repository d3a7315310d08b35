package org.insyn.core.model;

/** The kinds of public source a search can ask (R6, 002 §4.3 and ch. 6). */
public enum SourceKind {
    /** General web search (Google and the like). */
    WEB,
    /** Public pages of social networks (Facebook). */
    SOCIAL,
    /** Blog search (Twingly). */
    BLOG,
    /** Video search (YouTube). */
    VIDEO,
    /** Public forums (Flashback, Dayviews, phpBB and Discourse boards). */
    FORUM,
    /** RSS and Atom feeds. */
    FEED
}
