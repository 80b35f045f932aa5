// Generated from the API's OpenAPI document by `npm run api:types`. Do not edit.

export interface paths {
    "/api/v1/admin/escalation-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deadline policy per speed class, in working minutes */
        get: operations["EscalationController_listPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/escalation-policies/{speed}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the policy of a speed class (applies to deliveries created from now on; existing due times stay) */
        put: operations["EscalationController_setPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Holidays of the working calendar (of one year, or all) */
        get: operations["EscalationController_listHolidays"];
        put?: never;
        /** Add one holiday (a lunar, substitution or special holiday) */
        post: operations["EscalationController_addHoliday"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/holidays/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a holiday */
        delete: operations["EscalationController_removeHoliday"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/holidays/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a year's list of holidays (optionally replacing that year's) */
        post: operations["EscalationController_importHolidays"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/holidays/national/{beYear}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add the fixed-date national holidays of a Buddhist-era year */
        post: operations["EscalationController_seedNational"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queue-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open the queue dashboard: sets a short-lived HttpOnly cookie holding this access token, for /admin/queues */
        post: operations["QueueDashboardController_openQueueSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session and its refresh tokens */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair (rotation)
         * @description The presented refresh token is spent. Presenting a spent token again ends the whole session (every token of its family). Without `refreshToken` in the body, the token is the refresh cookie, and the request must carry `X-Saraban-Session: cookie` and come from this origin (CSRF).
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a browser session: refresh from the cookie, and the page's first reads
         * @description Rotates the refresh cookie as `POST /auth/refresh` does (same CSRF rules: `X-Saraban-Session: cookie`, same origin), then answers, one JSON document per line, the new access token with `GET /me`'s answer at once and, when asked, one page of a letter's progress once read. The session is answered whenever the refresh succeeds: a read that is refused (a letter not visible, an unknown unit) comes back as its own status and problem on its line.
         */
        post: operations["SessionStartController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The sender cancels one delivery not yet registered */
        post: operations["RoutingController_cancelDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deliveries/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return a delivery to its sender (ส่งคืน), with a reason */
        post: operations["RoutingController_returnDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload one scanned letter (PDF); checked off the request thread, stored by sha256 */
        post: operations["FilesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** File metadata for the uploading unit (a letter's readers use /letters/:id/files) */
        get: operations["FilesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the original PDF, unchanged (uploading unit) */
        get: operations["FilesController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the file again (a new reading replaces the pages of the previous one) */
        post: operations["FilesController_reread"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/reading": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reading of the file's text: state, pages done of pages, and the pages once done */
        get: operations["FilesController_readingOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forwards/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The sender cancels a whole forward: every delivery not yet registered */
        post: operations["RoutingController_cancelForward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Parse the OCR text of a letter (JSON {"text": …} or text/plain, 200 KB at most), or the text read from an uploaded PDF (JSON {"fileId": …}, signed in; 409 until its reading is done): then with a confidence per field */
        post: operations["IntakeController_parse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search letters you may see: Thai substring of subject, sender or ที่; date range; cursor pages */
        get: operations["LettersController_search"];
        put?: never;
        /** Record a letter from its fields (Thai or Arabic digits, BE dates) */
        post: operations["LettersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One letter (404 unless it was recorded by, registered in or delivered to a unit you see) */
        get: operations["LettersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/acknowledgments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Acknowledgments of the letter's root over time in a unit's subtree: cumulative share by hour (hours with receipts) or by working day (every working day from the sending to the last receipt, or to today while units are pending; weekends and holidays take no place) */
        get: operations["TrackingController_acknowledgments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/dossier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter page in one read: fields, your units’ receipts, the minutes (เกษียน) in order, where it came from (up to the root, as far as you may see) and where it went */
        get: operations["LetterDossierController_dossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/files/{position}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file of the letter (0 = the letter itself), original and unchanged */
        get: operations["LettersController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Acknowledgment progress of the letter's root in a unit's subtree: totals, roll-up per child unit, not yet received */
        get: operations["RoutingController_letterProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/{id}/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery tree of the letter's root, level by level (paginated) */
        get: operations["RoutingController_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/letters/from-text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a letter from its OCR text: the Thai intake parser fills the fields and warnings */
        post: operations["LettersController_createFromText"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, live memberships and the units acted for */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's notifications and those of their units, newest first, with unread count */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's e-mail address for notifications and digest choice */
        get: operations["NotificationsController_preferences"];
        /** Set the e-mail address for notifications and whether to get the daily digest */
        put: operations["NotificationsController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification of the user and their units read */
        post: operations["NotificationsController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Number of unread notifications of the user and their units */
        get: operations["NotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/progress/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: acknowledgments (ลงรับ), returns, cancellations, escalations and forwards of the letters you may see, live
         * @description Each event is `id: <n>`, `event: progress`, `data: <json>`. Reconnect with the `Last-Event-ID` header (or `lastEventId`) to resume: the events are read back from PostgreSQL, whichever API process answers. When too many happened meanwhile, an `event: reset` says to reload the figures. No subject is ever sent; every event is checked against your access.
         */
        get: operations["ProgressEventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/register-entries/{id}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Annotations of a register entry, oldest first */
        get: operations["RoutingController_annotations"];
        put?: never;
        /** Annotate a registered letter (เกษียนหนังสือ): append-only, with author and position */
        post: operations["RoutingController_annotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/register-entries/{id}/forwards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forward a registered letter to many units at once (explicit units, children of kinds, subtree units of kinds) */
        post: operations["RoutingController_forward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/register-entries/{id}/forwards/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Count the recipients a forward would reach (and those that already have the letter from this unit), writing nothing. For a classified letter, noClearedMember names the units nobody could register or return it in: while it is not empty the forward itself is refused (422 FORWARD_NO_CLEARED_MEMBER) */
        post: operations["ForwardTargetsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/register-entries/{id}/stamped.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The letter with every receipt stamp of its chain up to this receipt (top right, page 1) */
        get: operations["ReceiptsController_stamped"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/register-entries/{id}/stamps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stamps the rendering shows, as data */
        get: operations["ReceiptsController_stamps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/book": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register for a period in the regulation’s columns, as JSON (the printout’s rows; dates accept BE) */
        get: operations["RegistersController_book"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries of a year in number order (pages with ?after=) */
        get: operations["RegistersController_entries"];
        put?: never;
        /** Register a letter (ลงรับ): the next receipt number of the Buddhist-era year */
        post: operations["RegistersController_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/entries/{entryId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an entry: its number stays, with the reason */
        post: operations["RegistersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/entries/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register up to 500 letters or deliveries at once (ลงรับทั้งชุด)
         * @description One transaction: consecutive receipt numbers in the order given, each item checked as POST /registers/{id}/entries checks it (access, delivery, clearance, replacement). All or nothing: if any item fails, nothing is registered and the 422 problem lists every failing item in errors[] with its index (from 0). An item repeating an earlier item of the batch (the same letter, delivery or replaced entry) is refused as DUPLICATE_BATCH_ITEM.
         */
        post: operations["RegistersController_receiveBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give an outgoing letter its ที่ from an outgoing or circular register */
        post: operations["RegistersController_allocate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/opening-floor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Continue a year from the paper book: numbers start after lastPaperNumber */
        put: operations["RegistersController_setFloor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/printout.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same printout as CSV (UTF-8 with BOM for spreadsheet programs) */
        get: operations["RegistersController_printoutCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registers/{id}/printout.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register for a period in the regulation’s columns, A4 landscape (dates accept BE) */
        get: operations["RegistersController_printoutPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a unit under a parent the caller administers */
        post: operations["OrganisationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit (own units; heads and admins also their subtree) */
        get: operations["OrganisationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a unit or edit its codes, head position and reference-digit setting */
        patch: operations["OrganisationsController_update"];
        trace?: never;
    };
    "/api/v1/units/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a unit (its parent must be active) */
        post: operations["OrganisationsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible children of a unit, by name (cursor-paginated) */
        get: operations["OrganisationsController_children"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a unit whose children are all inactive */
        post: operations["OrganisationsController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/forward-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units the caller may forward to from this unit (recipient picker): children of a node, or a Thai name search, with quick picks by kind */
        get: operations["ForwardTargetsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's pending deliveries (to register): most urgent first, then oldest */
        get: operations["RoutingController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-parent a unit with its whole subtree (one transaction) */
        post: operations["OrganisationsController_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every overdue delivery (not registered past its due time) under a unit, by recipient */
        get: operations["RoutingController_overdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/overdue-levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overdue deliveries under a unit counted by the escalation level reached (0 to 4) */
        get: operations["TrackingController_overdueLevels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/overdue.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The overdue list under a unit as CSV, filtered like the list (UTF-8 with BOM, Thai headers) */
        get: operations["TrackingController_overdueCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/sent-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Letters the unit or its subtree forwarded, latest first, each with its roll-up per level of the tree */
        get: operations["TrackingController_sentLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visible units of a subtree, optionally whose Thai name contains `q` (≥ 3 characters) */
        get: operations["OrganisationsController_subtree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drafts from the unit's central mailbox (e-mail intake), newest first; its clerks only */
        get: operations["MailboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/intake/{draftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One draft of the unit's central mailbox, with its PDFs; its clerks only */
        get: operations["MailboxController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/intake/{draftId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the letter from a draft and register it (ลงรับ), in one transaction
         * @description The fields of POST /letters (the files are the draft’s PDFs, the first one the letter itself); the entry goes into registerId or the unit’s ทะเบียนหนังสือรับ. A decided draft answers 409 MAILBOX_DRAFT_CLOSED.
         */
        post: operations["MailboxController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/intake/{draftId}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a draft without a letter; the reason (in Thai) is kept
         * @description A decided draft answers 409 MAILBOX_DRAFT_CLOSED.
         */
        post: operations["MailboxController_discard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/registers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit's registers (incoming, outgoing, circular, and its own books) */
        get: operations["RegistersController_list"];
        put?: never;
        /** Open a custom register (orders, secret letters, a division’s own book); unit admins */
        post: operations["RegistersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users with a current membership in units the caller administers (by name, paged) */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user with a first membership (admins, in their subtree) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user with the memberships the caller may see (self, or their admins) */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a user’s name, position or clearance (their admins) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{id}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a membership or an acting-head span (รักษาราชการแทน)
         * @description Moving a user to another unit: add the new membership, then end the old one. The caller must administer the target unit and one of the user’s units.
         */
        post: operations["UsersController_addMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/memberships/{membershipId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a membership now; access through it stops on the next request */
        post: operations["UsersController_endMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is running */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Redis answer */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (METRICS_TOKEN as bearer when set) */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcknowledgmentPointResponse: {
            /**
             * Format: date-time
             * @description Start of the hour or working day
             */
            at: string;
            /** @description Units that registered in this hour, or on this working day (a day off counts on the next working day) */
            count: number;
            /**
             * Format: date
             * @description Its Bangkok date
             * @example 2026-01-15
             */
            date: string;
            /** @description Units that registered so far */
            received: number;
            /** @description received / total, to three decimals */
            share: number;
            /**
             * @description By working day: which working day since the letter was sent (1 for the first); null by hour
             * @example 1
             */
            workingDay: number | null;
        };
        AcknowledgmentSeriesResponse: {
            /** @enum {string} */
            by: "hour" | "day";
            /** Format: date-time */
            firstSentAt: string | null;
            points: components["schemas"]["AcknowledgmentPointResponse"][];
            /** Format: uuid */
            rootLetterId: string;
            /** @description Recipient units in the subtree */
            total: number;
            /** Format: uuid */
            unitId: string;
        };
        AddMembershipDto: {
            /**
             * @description รักษาราชการแทน: acting head from startsOn to endsOn (Bangkok dates, inclusive)
             * @default false
             */
            acting: boolean;
            /**
             * @description ISO date; required when acting
             * @example 2026-02-14
             */
            endsOn?: string;
            /**
             * @example official
             * @enum {string}
             */
            role: "clerk" | "official" | "head" | "admin";
            /**
             * @description ISO date; required when acting
             * @example 2026-02-01
             */
            startsOn?: string;
            /**
             * Format: uuid
             * @description The caller must administer this unit
             */
            unitId: string;
        };
        AllocateNumberDto: {
            /** @description The outgoing letter that gets the number */
            letterId: string;
            /** @description หมายเหตุ */
            remarks?: string;
        };
        AnnotationDto: {
            /**
             * @description noted ทราบ, proceed ดำเนินการ, agreed เห็นชอบ, approved อนุมัติ, other
             * @example proceed
             * @enum {string}
             */
            decision?: "noted" | "proceed" | "agreed" | "approved" | "other";
            /** @example เห็นควรแจ้ง อำเภอ และ อปท. ทราบ */
            text: string;
        };
        AnnotationResponse: {
            /** @example นางสาวพรทิพย์ ศรีสุข */
            authorName: string;
            /** @example หัวหน้าสำนักงานจังหวัดร้อยเอ็ด */
            authorPosition: string | null;
            /** Format: uuid */
            authorUserId: string;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string|null} */
            decision: "noted" | "proceed" | "agreed" | "approved" | "other" | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            letterId: string;
            /** Format: uuid */
            registerEntryId: string;
            /** @example เห็นควรแจ้ง อำเภอ และ อปท. ทราบ */
            text: string;
            /**
             * Format: uuid
             * @description The unit whose register holds the letter
             */
            unitId: string;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            unitName: string;
        };
        AnnotationsResponse: {
            /** @description Oldest first */
            items: components["schemas"]["AnnotationResponse"][];
            /** Format: uuid */
            registerEntryId: string;
        };
        BookResponse: {
            /**
             * Format: date
             * @example 2026-01-01
             */
            from: string;
            /** @example เลขทะเบียนรับ */
            numberColumnHeader?: string;
            /** @example ๑ ม.ค. ๒๕๖๙ – ๓๑ ม.ค. ๒๕๖๙ */
            periodText: string;
            /** Format: uuid */
            registerId: string;
            /** @example ทะเบียนหนังสือรับ */
            registerName: string;
            rows: components["schemas"]["BookRowResponse"][];
            /**
             * Format: date
             * @example 2026-01-31
             */
            to: string;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            unitName: string;
        };
        BookRowResponse: {
            /** @description การปฏิบัติ */
            action: string;
            /** @example 2569 */
            beYear: number;
            /** Format: uuid */
            entryId: string;
            /** @description จาก */
            from: string;
            /**
             * @description ลงวันที่
             * @example ๑๒ มกราคม ๒๕๖๙
             */
            letterDate: string;
            /** Format: uuid */
            letterId: string;
            /** @example 520 */
            number: number;
            /**
             * @description The number column as printed
             * @example ๕๒๐/๒๕๖๙
             */
            receiptNumber: string;
            /**
             * @description ที่
             * @example มท ๐๒๑๐.๕/ว๑๐๕๕๗
             */
            referenceNumber: string;
            /** Format: date-time */
            registeredAt: string;
            /** @description หมายเหตุ */
            remarks: string;
            /** @enum {string} */
            status: "active" | "cancelled";
            /** @description เรื่อง */
            subject: string;
            /** @description ถึง */
            to: string;
        };
        CancelEntryDto: {
            /** @example ลงรับซ้ำ */
            reason: string;
        };
        ChildRollupResponse: {
            byKind: components["schemas"]["KindCountsResponse"][];
            kind: string | null;
            nameTh: string | null;
            pending: number;
            received: number;
            returned: number;
            total: number;
            /** Format: uuid */
            unitId: string;
        };
        CitedLetterResponse: {
            /** @example 0210.5 */
            agencyNumber: string | null;
            /** @example มท */
            agencyPrefix: string | null;
            circular: boolean | null;
            /** Format: date */
            date: string | null;
            /** @description As printed */
            raw: string | null;
            serial: number | null;
        };
        ConfirmDraftDto: {
            /**
             * @description การปฏิบัติ
             * @example เสนอ ผวจ.
             */
            action?: string;
            /**
             * @description เรียน / ถึง
             * @example ผู้ว่าราชการจังหวัดทุกจังหวัด
             */
            addressee?: string;
            /** @description Re-issue: the upstream letter this one encloses (keeps its root) */
            enclosesLetterId?: string;
            /**
             * @description สิ่งที่ส่งมาด้วย
             * @example [
             *       "สำเนาหนังสือ จำนวน ๑ ฉบับ"
             *     ]
             */
            enclosures?: string[];
            /**
             * @example external
             * @enum {string}
             */
            kind: "external" | "memo" | "stamped" | "directive" | "notice" | "record";
            /**
             * @description Date as printed (BE)
             * @example ๑๒ มกราคม ๒๕๖๙
             */
            letterDate?: string;
            /**
             * @description ส่วนราชการเจ้าของเรื่อง as printed at the foot
             * @example กองการสื่อสารและเทคโนโลยีสารสนเทศ
             */
            ownerUnit?: string;
            /** @description Receipt stamps already on the paper (from the intake parser, checked by the clerk) */
            printedStamps?: components["schemas"]["PrintedStampDto"][];
            /**
             * @description ที่ as printed
             * @example มท ๐๒๑๐.๕/ว๑๐๕๕๗
             */
            referenceNumber?: string;
            /**
             * @description อ้างถึง: cited letters as printed
             * @example [
             *       "มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พฤศจิกายน ๒๕๖๘"
             *     ]
             */
            references?: string[];
            /** @description An incoming register of the draft's unit; its ทะเบียนหนังสือรับ when omitted */
            registerId?: string;
            /** @description หมายเหตุ */
            remarks?: string;
            /**
             * @example none
             * @enum {string}
             */
            secrecy?: "none" | "confidential" | "secret" | "top_secret";
            /**
             * @description Sender as printed
             * @example กระทรวงมหาดไทย
             */
            senderText?: string;
            /** @description Sending unit, when it is in this system */
            senderUnitId?: string;
            signatory?: components["schemas"]["SignatoryDto"];
            /**
             * @example most_urgent
             * @enum {string}
             */
            speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
            /** @example การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี */
            subject: string;
        };
        ConfirmedDraftResponse: {
            draft: components["schemas"]["DraftResponse"];
            /** @description The register entry (เลขรับ) */
            entry: components["schemas"]["EntryResponse"];
        };
        CreateLetterDto: {
            /**
             * @description เรียน / ถึง
             * @example ผู้ว่าราชการจังหวัดทุกจังหวัด
             */
            addressee?: string;
            /** @description Re-issue: the upstream letter this one encloses (keeps its root) */
            enclosesLetterId?: string;
            /**
             * @description สิ่งที่ส่งมาด้วย
             * @example [
             *       "สำเนาหนังสือ จำนวน ๑ ฉบับ"
             *     ]
             */
            enclosures?: string[];
            /** @description Uploaded PDF ids; the first is the letter itself */
            fileIds?: string[];
            /**
             * @example external
             * @enum {string}
             */
            kind: "external" | "memo" | "stamped" | "directive" | "notice" | "record";
            /**
             * @description Date as printed (BE)
             * @example ๑๒ มกราคม ๒๕๖๙
             */
            letterDate?: string;
            /**
             * @description ส่วนราชการเจ้าของเรื่อง as printed at the foot
             * @example กองการสื่อสารและเทคโนโลยีสารสนเทศ
             */
            ownerUnit?: string;
            /** @description Receipt stamps already on the paper (from the intake parser, checked by the clerk) */
            printedStamps?: components["schemas"]["PrintedStampDto"][];
            /**
             * @description ที่ as printed
             * @example มท ๐๒๑๐.๕/ว๑๐๕๕๗
             */
            referenceNumber?: string;
            /**
             * @description อ้างถึง: cited letters as printed
             * @example [
             *       "มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พฤศจิกายน ๒๕๖๘"
             *     ]
             */
            references?: string[];
            /**
             * @example none
             * @enum {string}
             */
            secrecy?: "none" | "confidential" | "secret" | "top_secret";
            /**
             * @description Sender as printed
             * @example กระทรวงมหาดไทย
             */
            senderText?: string;
            /** @description Sending unit, when it is in this system */
            senderUnitId?: string;
            signatory?: components["schemas"]["SignatoryDto"];
            /**
             * @example most_urgent
             * @enum {string}
             */
            speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
            /** @example การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี */
            subject: string;
            /** @description Unit recording the letter (required when you act for several) */
            unitId?: string;
        };
        CreateLetterFromTextDto: {
            enclosesLetterId?: string;
            /**
             * Format: uuid
             * @description An uploaded PDF whose reading is done (409 before): its text is parsed instead of text, and it becomes the letter file
             */
            fileId?: string;
            fileIds?: string[];
            /** @description Sender as printed, when the text does not say it */
            senderText?: string;
            senderUnitId?: string;
            /** @description OCR text of the letter (200 KB at most); or fileId, a PDF whose reading is done */
            text?: string;
            unitId?: string;
        };
        CreateRegisterDto: {
            /**
             * @example incoming
             * @enum {string}
             */
            direction: "incoming" | "outgoing";
            /**
             * @description A secret register
             * @default none
             * @enum {string}
             */
            minClearance: "none" | "confidential" | "secret";
            /** @example ทะเบียนคำสั่ง */
            name: string;
        };
        CreateUnitDto: {
            /** @example หัวหน้ากลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด */
            headPosition?: string;
            /**
             * @example provincial_division
             * @enum {string}
             */
            kind: "ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other";
            /** @example รอ */
            letterCode?: string;
            /** @example กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด */
            nameTh: string;
            /** @example 0017.3 */
            ownerNumber?: string;
            /**
             * Format: uuid
             * @description The parent unit; the caller must administer it
             */
            parentId: string;
            /**
             * @default thai
             * @enum {string}
             */
            referenceDigits: "thai" | "arabic";
            /** @example กยผ. */
            shortName?: string;
        };
        CreateUserDto: {
            /**
             * @default none
             * @enum {string}
             */
            clearance: "none" | "confidential" | "secret";
            /** @example นางสาวสมใจ ใจดี */
            displayName: string;
            /**
             * @description Initial password (policy applies)
             * @example saraban-demo-2569
             */
            password: string;
            /** @example เจ้าพนักงานธุรการชำนาญงาน */
            positionTitle?: string;
            /**
             * @example clerk
             * @enum {string}
             */
            role: "clerk" | "official" | "head" | "admin";
            /**
             * Format: uuid
             * @description First unit; the caller must administer it
             */
            unitId: string;
            /**
             * @description a-z, 0-9, . _ -; stored lower-case
             * @example somjai.j
             */
            username: string;
        };
        DeliveryStateResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "sent" | "received" | "returned" | "cancelled";
            /** Format: date-time */
            stateChangedAt: string;
            stateReason: string | null;
        };
        DiscardDraftDto: {
            /**
             * @description Why, in Thai (kept on the draft)
             * @example อีเมลโฆษณา ไม่ใช่หนังสือราชการ
             */
            reason: string;
        };
        DossierEnclosedResponse: {
            id: string;
            letterDateRaw: string | null;
            referenceRaw: string | null;
            secrecy: string;
            subject: string;
        };
        DossierForwardResponse: {
            cancelled: number;
            cancelledAt: string | null;
            forwardId: string;
            minuteId: string | null;
            received: number;
            /** @description The first recipients by name */
            recipients: components["schemas"]["DossierRecipientResponse"][];
            responseDueAt: string | null;
            returned: number;
            sender: components["schemas"]["DossierUnitResponse"];
            /** @description Not yet registered */
            sent: number;
            /** Format: date-time */
            sentAt: string;
            sentAtTh: string;
            /** @example 23 */
            total: number;
        };
        DossierHopResponse: {
            deliveryId: string;
            letterId: string;
            parentDeliveryId: string | null;
            /** @description เลขรับ of the recipient */
            receiptNumber: number | null;
            recipient: components["schemas"]["DossierUnitResponse"];
            sender: components["schemas"]["DossierUnitResponse"];
            /** Format: date-time */
            sentAt: string;
            sentAtTh: string;
            /** @enum {string} */
            state: "sent" | "received" | "returned" | "cancelled";
        };
        DossierMinuteResponse: {
            /** @example นางสาวพรทิพย์ ศรีสุข */
            authorName: string;
            authorPosition: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example ๑๕ ม.ค. ๒๕๖๙ ๑๑.๐๒ น. */
            createdAtTh: string;
            /** @enum {string|null} */
            decision: "noted" | "proceed" | "agreed" | "approved" | "other" | null;
            /** @example ดำเนินการ */
            decisionLabel: string | null;
            id: string;
            registerEntryId: string;
            /** @example เพื่อโปรดพิจารณาสั่งการ */
            text: string;
            unitId: string;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            unitName: string;
        };
        DossierOriginResponse: {
            /** @description An earlier letter of the chain exists that you may not see */
            earlierHidden: boolean;
            /** @description The letters this one encloses (re-issued), nearest first, up to the root */
            encloses: components["schemas"]["DossierEnclosedResponse"][];
            /** @description Deliveries that brought the letter to units you see, and those above them, oldest first */
            path: components["schemas"]["DossierHopResponse"][];
        };
        DossierReceiptResponse: {
            /** @example 2569 */
            beYear: number;
            deliveryId: string | null;
            /** @enum {string} */
            direction: "incoming" | "outgoing";
            entryId: string;
            /** @description The reader may write a minute (เกษียน) on this entry */
            mayAnnotate: boolean;
            /** @description The reader may send the letter on from this entry (ส่งต่อ) */
            mayForward: boolean;
            /** @example 520 */
            number: number;
            /** Format: date-time */
            registeredAt: string;
            /** @example ๑๕ ม.ค. ๒๕๖๙ ๑๐.๕๕ น. */
            registeredAtTh: string;
            registerId: string;
            /** @example ทะเบียนหนังสือรับ */
            registerName: string;
            /** @enum {string} */
            status: "active" | "cancelled";
            unitId: string;
            unitName: string;
        };
        DossierRecipientResponse: {
            kind: string;
            nameTh: string;
            receiptNumber: number | null;
            /** @enum {string} */
            state: "sent" | "received" | "returned" | "cancelled";
            stateChangedAt: string | null;
            unitId: string;
        };
        DossierUnitResponse: {
            id: string;
            nameTh: string;
        };
        DraftFileResponse: {
            /** @description The unit had these bytes already (an earlier message or upload): same file */
            duplicate: boolean;
            /**
             * Format: uuid
             * @description GET /files/{id} serves it
             */
            fileId: string;
            /** @example หนังสือ มท 0210.5-263.pdf */
            name: string | null;
            /** @description Order in the message; 0 becomes the letter itself */
            position: number;
        };
        DraftPageResponse: {
            items: components["schemas"]["DraftResponse"][];
            nextCursor: string | null;
        };
        DraftResponse: {
            /** @description Plain-text body, cut to 10,000 characters; links in it are never followed */
            bodyText: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            discardReason: string | null;
            /** Format: uuid */
            entryId: string | null;
            files: components["schemas"]["DraftFileResponse"][];
            /** @description False: the message had no PDF the checks accepted */
            hasPdf: boolean;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            letterId: string | null;
            /** @description Message-ID, or sha256:… of the message when it had none */
            messageId: string;
            /** Format: date-time */
            receivedAt: string;
            /** @description From, as stated (not verified) */
            sender: string | null;
            /**
             * Format: date-time
             * @description Date header
             */
            sentAt: string | null;
            skippedAttachments: components["schemas"]["SkippedAttachmentResponse"][];
            /** @enum {string} */
            status: "pending" | "confirmed" | "discarded";
            subject: string | null;
            /** Format: uuid */
            unitId: string;
        };
        EntryDisplayResponse: {
            /** @example ๑๕ ม.ค. ๒๕๖๙ */
            date: string;
            /** @example ๕๒๐ */
            receiptNumber: string;
            /** @example ๑๐.๕๕ น. */
            time: string;
        };
        EntryResponse: {
            action: string | null;
            /** @example 2569 */
            beYear: number;
            cancelReason: string | null;
            /** Format: uuid */
            deliveryId: string | null;
            display: components["schemas"]["EntryDisplayResponse"];
            /** Format: uuid */
            id: string;
            issuedReference: string | null;
            /** Format: uuid */
            letterId: string;
            /**
             * @description เลขรับ (or เลขทะเบียนส่ง)
             * @example 520
             */
            receiptNumber: number;
            /** Format: date-time */
            receivedAt: string;
            /** Format: uuid */
            registerId: string;
            remarks: string | null;
            /** Format: uuid */
            replacedByEntryId: string | null;
            /** Format: uuid */
            replacesEntryId: string | null;
            /** @enum {string} */
            status: "active" | "cancelled";
            warnings: components["schemas"]["EntryWarningResponse"][];
        };
        EntryWarningResponse: {
            /** @example letter_already_registered */
            code: string;
            /** Format: uuid */
            entryId?: string;
            message: string;
            receiptNumber?: number;
            /** Format: uuid */
            registerId?: string;
        };
        ForwardDto: {
            /** @description เกษียน written with the forward */
            annotation?: components["schemas"]["AnnotationDto"];
            /**
             * @description Every direct child of the sending unit of these kinds (a district's อบต.)
             * @example [
             *       "subdistrict_municipality",
             *       "subdistrict_administration"
             *     ]
             */
            childKinds?: ("ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other")[];
            /**
             * @description When the recipients must report or reply (ISO instant)
             * @example 2026-01-30T10:00:00+07:00
             */
            responseDueAt?: string;
            /**
             * @description Every unit of these kinds anywhere in the sending unit's subtree
             * @example [
             *       "provincial_division",
             *       "district",
             *       "provincial_administration",
             *       "town_municipality"
             *     ]
             */
            subtreeKinds?: ("ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other")[];
            /**
             * @description Recipient units by id
             * @example [
             *       "8f2d…",
             *       "4b7a…"
             *     ]
             */
            unitIds?: string[];
        };
        ForwardPreviewResponse: {
            /** @description Already have the letter from this unit */
            alreadySent: number;
            noClearedMember: components["schemas"]["NoClearedMemberResponse"];
            recipients: number;
            willCreate: number;
        };
        ForwardResponse: {
            /** Format: uuid */
            annotationId: string | null;
            /** @description Deliveries made */
            created: number;
            /** Format: date-time */
            dueAt: string;
            /** Format: uuid */
            forwardId: string;
            /** Format: uuid */
            letterId: string;
            /** Format: uuid */
            parentDeliveryId: string | null;
            /** Format: date-time */
            responseDueAt: string | null;
            /** Format: uuid */
            rootLetterId: string;
            /** Format: uuid */
            senderUnitId: string;
            /** Format: date-time */
            sentAt: string;
            /** @description Recipients that already had it */
            skipped: components["schemas"]["SkippedUnitsResponse"];
        };
        ForwardTargetResponse: {
            /** @description Child units (to open the node) */
            children: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other";
            /** @example อำเภอ / เขต */
            kindLabel: string;
            /** @description Local administrations (อปท.) under it */
            localAdministrations: number;
            /** @example อำเภอเสลภูมิ */
            nameTh: string;
            /** @description With entryId: nobody in the unit is cleared for that classified letter (a forward to it is refused) */
            noClearedMember?: boolean;
            /** Format: uuid */
            parentId: string | null;
            parentName: string | null;
            /** @description False for the sending unit and its organisation */
            selectable: boolean;
        };
        ForwardTargetsPageResponse: {
            items: components["schemas"]["ForwardTargetResponse"][];
            nextCursor: string | null;
            /** @description The organisation whose tree is listed */
            organisation: components["schemas"]["UnitRefResponse"];
            /** @description The node whose children are listed (null for a name search) */
            parent: components["schemas"]["UnitRefResponse"] | null;
            quickPicks: components["schemas"]["QuickPickResponse"][];
            /** @description The unit forwarding */
            unit: components["schemas"]["UnitRefResponse"];
        };
        HolidayChangeResponse: {
            /**
             * @description ISO dates added
             * @example [
             *       "2026-03-03"
             *     ]
             */
            added: string[];
            /**
             * @description Dates given that were already holidays
             * @example 0
             */
            alreadyPresent: number;
            /**
             * @description Holidays removed first (import with `replace`)
             * @example 0
             */
            removed: number;
        };
        HolidayDto: {
            /**
             * @description ISO date (Gregorian, Bangkok), or a Buddhist-era date as typed (๓ มีนาคม ๒๕๖๙, 3/3/2569)
             * @example 2026-03-03
             */
            date: string;
            /** @example Makha Bucha Day */
            nameEn?: string | null;
            /** @example วันมาฆบูชา */
            nameTh: string;
        };
        HolidayImportDto: {
            /**
             * @example [
             *       {
             *         "date": "2026-03-03",
             *         "nameTh": "วันมาฆบูชา",
             *         "nameEn": "Makha Bucha Day"
             *       },
             *       {
             *         "date": "2026-05-31",
             *         "nameTh": "วันวิสาขบูชา",
             *         "nameEn": "Visakha Bucha Day"
             *       }
             *     ]
             */
            holidays: components["schemas"]["HolidayDto"][];
            /**
             * @description Remove the year's holidays first (seeded ones too), then add the list
             * @example false
             */
            replace?: boolean;
            /**
             * @description Gregorian year the list is for
             * @example 2026
             */
            year: number;
        };
        HolidayListResponse: {
            items: components["schemas"]["HolidayResponse"][];
        };
        HolidayResponse: {
            /**
             * @description ISO date
             * @example 2026-03-03
             */
            date: string;
            /** @example Makha Bucha Day */
            nameEn: string | null;
            /** @example วันมาฆบูชา */
            nameTh: string;
            /**
             * @description seeded, or added by an administrator
             * @enum {string}
             */
            source: "seed" | "admin";
        };
        InboxItemResponse: {
            /**
             * @description Working hours waited so far
             * @example 2.5
             */
            ageHours: number;
            /** Format: uuid */
            deliveryId: string;
            /** Format: date-time */
            dueAt: string | null;
            /** @description ลงวันที่ as printed */
            letterDateRaw: string | null;
            /** Format: uuid */
            letterId: string;
            overdue: boolean;
            /** @description ที่ as printed */
            reference: string | null;
            /** @enum {string} */
            secrecy: "none" | "confidential" | "secret" | "top_secret";
            /** @example กระทรวงมหาดไทย */
            senderName: string;
            /** Format: uuid */
            senderUnitId: string;
            /** Format: date-time */
            sentAt: string;
            /** @enum {string} */
            speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            /**
             * @description Left out when the letter is above your clearance
             * @example การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี
             */
            subject?: string;
        };
        InboxPageResponse: {
            items: components["schemas"]["InboxItemResponse"][];
            nextCursor: string | null;
            /** Format: uuid */
            unitId: string;
        };
        KindCountsResponse: {
            /** @example subdistrict_administration */
            kind: string;
            pending: number;
            received: number;
            total: number;
        };
        LetterDossierResponse: {
            destinations: components["schemas"]["DossierForwardResponse"][];
            letter: components["schemas"]["LetterResponse"];
            minutes: components["schemas"]["DossierMinuteResponse"][];
            origin: components["schemas"]["DossierOriginResponse"];
            receipts: components["schemas"]["DossierReceiptResponse"][];
            /** @description The sender unit's Thai name */
            senderName: string | null;
        };
        LetterPageResponse: {
            items: components["schemas"]["LetterSummaryResponse"][];
            nextCursor: string | null;
        };
        LetterReferenceResponse: {
            /** @example 0210.5 */
            agencyNumber: string | null;
            /** @example มท */
            agencyPrefix: string | null;
            circular: boolean | null;
            /** Format: date */
            date: string | null;
            /**
             * Format: uuid
             * @description The letter of this system it points to, when one matches
             */
            letterId?: string | null;
            /** @description As printed */
            raw: string | null;
            serial: number | null;
        };
        LetterResponse: {
            addressee: string | null;
            agencyNumber: string | null;
            agencyPrefix: string | null;
            circular: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string | null;
            /** Format: uuid */
            createdUnitId: string;
            /** Format: uuid */
            enclosesLetterId: string | null;
            enclosures: string[];
            /** @description The letter’s PDFs, in order */
            fileIds: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "external" | "memo" | "stamped" | "directive" | "notice" | "record";
            /** Format: date */
            letterDate: string | null;
            /** @description ลงวันที่ as printed */
            letterDateRaw: string | null;
            /** @description ส่วนราชการเจ้าของเรื่อง as printed */
            ownerUnit: string | null;
            printedStamps: {
                [key: string]: unknown;
            }[];
            /** @description ที่ as printed */
            referenceRaw: string | null;
            references: components["schemas"]["LetterReferenceResponse"][];
            /** Format: uuid */
            rootLetterId: string;
            /** @enum {string} */
            secrecy: "none" | "confidential" | "secret" | "top_secret";
            senderText: string | null;
            /** Format: uuid */
            senderUnitId: string | null;
            serial: number | null;
            signatory: components["schemas"]["SignatoryResponse"] | null;
            /** @enum {string} */
            speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            /** Format: date-time */
            speedDeadline: string | null;
            subject: string;
            /** Format: date */
            suggestedLetterDate: string | null;
            warnings: components["schemas"]["LetterWarningResponse"][];
        };
        LetterSummaryResponse: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "external" | "memo" | "stamped" | "directive" | "notice" | "record";
            /** Format: date */
            letterDate: string | null;
            letterDateRaw: string | null;
            referenceRaw: string | null;
            /** @enum {string} */
            secrecy: "none" | "confidential" | "secret" | "top_secret";
            senderText: string | null;
            /** @enum {string} */
            speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            subject: string;
        };
        LetterWarningResponse: {
            /** @example year_slip */
            code: string;
            /** Format: date */
            date?: string;
            /** @example letterDate */
            field: string;
            index?: number;
            reason?: string;
            /** @description legacy_encoding: the text that looks mis-encoded */
            sample?: string;
            /** @description year_slip: the date it probably means */
            suggested?: string;
        };
        LevelCountResponse: {
            count: number;
            level: number;
        };
        LevelCountsResponse: {
            level: number;
            pending: number;
            received: number;
            returned: number;
            total: number;
        };
        LoginDto: {
            /** @example saraban-demo-2569 */
            password: string;
            /** @example saraban.office */
            username: string;
        };
        MarkedResponse: {
            /**
             * @description Notifications marked read
             * @example 12
             */
            marked: number;
        };
        MeActingResponse: {
            /** Format: date-time */
            endsAt: string | null;
            /** Format: date-time */
            startsAt: string;
            /** Format: uuid */
            unitId: string;
            unitName: string;
        };
        MembershipResponse: {
            /** @description รักษาราชการแทน (acting head for a date range) */
            acting: boolean;
            /** Format: date-time */
            endsAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Grants access now */
            live: boolean;
            /** @enum {string} */
            role: "clerk" | "official" | "head" | "admin";
            /** Format: date-time */
            startsAt: string;
            /** Format: uuid */
            unitId: string;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            unitName: string;
            /** Format: uuid */
            userId: string;
        };
        MeMembershipResponse: {
            /** @description รักษาราชการแทน */
            acting: boolean;
            /** Format: date-time */
            endsAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "clerk" | "official" | "head" | "admin";
            /** Format: date-time */
            startsAt: string;
            /** Format: uuid */
            unitId: string;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            unitName: string;
        };
        MeResponse: {
            actingHeadOf: components["schemas"]["MeActingResponse"][];
            memberships: components["schemas"]["MeMembershipResponse"][];
            /** @description Every unit acted for right now */
            unitIds: string[];
            /** @description One per unit, with every role held there */
            units: components["schemas"]["MeUnitResponse"][];
            user: components["schemas"]["MeUserResponse"];
        };
        MeUnitResponse: {
            /**
             * @example [
             *       "clerk"
             *     ]
             */
            roles: string[];
            /** @description Head or admin: sees the units below */
            seesSubtree: boolean;
            /** Format: uuid */
            unitId: string;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            unitName: string;
        };
        MeUserResponse: {
            /** @enum {string} */
            clearance: "none" | "confidential" | "secret";
            /** @example นางสาวสมใจ ใจดี */
            displayName: string;
            /** Format: uuid */
            id: string;
            /** @example เจ้าพนักงานธุรการชำนาญงาน */
            positionTitle: string | null;
            /** @example saraban.office */
            username: string;
        };
        MoveUnitDto: {
            /**
             * Format: uuid
             * @description The new parent; the caller must administer it
             */
            parentId: string;
        };
        NoClearedMemberResponse: {
            /** @description Exact */
            count: number;
            /** @description The first of them */
            units: components["schemas"]["UnitNameResponse"][];
        };
        NotificationPageResponse: {
            items: components["schemas"]["NotificationResponse"][];
            nextCursor: string | null;
            /** @example 1 */
            unreadCount: number;
        };
        NotificationPayloadResponse: {
            /** @description delivery.returned: the unit that returned it */
            byUnitName?: string;
            /** Format: uuid */
            deliveryId?: string;
            /** Format: uuid */
            forwardId?: string;
            /** @example กระทรวงมหาดไทย */
            fromUnitName?: string;
            /** Format: uuid */
            letterId?: string;
            /** @description delivery.returned: why */
            reason?: string;
            /** @example มท ๐๒๑๐.๕/ว๑๐๕๕๗ */
            reference?: string;
            /** @enum {string} */
            speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
            subject?: string;
        };
        NotificationPreferencesDto: {
            /**
             * @description Receive the daily digest on working days
             * @example true
             */
            digest?: boolean;
            /**
             * @description Address for e-mail notifications (null removes it); used when SMTP_URL is set
             * @example saraban@roiet.go.th
             */
            email?: Record<string, never> | null;
        };
        NotificationResponse: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example delivery.new */
            kind: string;
            /** @description What happened, in words and ids (never links); the fields depend on kind */
            payload: components["schemas"]["NotificationPayloadResponse"];
            /** Format: date-time */
            readAt: string | null;
            /** Format: uuid */
            unitId: string | null;
            /** Format: uuid */
            userId: string | null;
        };
        OldestPendingResponse: {
            /**
             * @description Working hours waited so far
             * @example 26.5
             */
            ageHours: number;
            /** Format: date-time */
            pendingSince: string;
            /** Format: uuid */
            unitId: string;
        };
        OpeningFloorDto: {
            /**
             * @description Buddhist-era year
             * @example 2569
             */
            beYear: number;
            /**
             * @description Last number used in the paper book; the system continues after it
             * @example 520
             */
            lastPaperNumber: number;
        };
        OutgoingNumberResponse: {
            action: string | null;
            /** @example 2569 */
            beYear: number;
            cancelReason: string | null;
            /** Format: uuid */
            deliveryId: string | null;
            display: components["schemas"]["EntryDisplayResponse"];
            /** Format: uuid */
            id: string;
            issuedReference: string | null;
            /** Format: uuid */
            letterId: string;
            /**
             * @description เลขรับ (or เลขทะเบียนส่ง)
             * @example 520
             */
            receiptNumber: number;
            /** Format: date-time */
            receivedAt: string;
            /**
             * @description ที่ given to the letter
             * @example รอ ๐๐๑๗.๓/ว ๑๒๓
             */
            referenceNumber: string;
            /** Format: uuid */
            registerId: string;
            remarks: string | null;
            /** Format: uuid */
            replacedByEntryId: string | null;
            /** Format: uuid */
            replacesEntryId: string | null;
            /** @enum {string} */
            status: "active" | "cancelled";
            warnings: components["schemas"]["EntryWarningResponse"][];
        };
        OverdueGroupResponse: {
            items: components["schemas"]["OverdueItemResponse"][];
            /** @example district */
            kind: string;
            /** @example อำเภอเสลภูมิ */
            nameTh: string;
            /** @description The unit's overdue deliveries in all */
            overdue: number;
            /** Format: uuid */
            unitId: string;
        };
        OverdueItemResponse: {
            /** @description Working hours since it was sent */
            ageHours: number;
            /** Format: uuid */
            deliveryId: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: uuid */
            letterId: string;
            /** @description Highest rung reached (0: none yet) */
            level: number;
            /** Format: date-time */
            nextEscalationAt: string | null;
            /** @description Working hours past its due time */
            overdueHours: number;
            /** @description ที่ as printed */
            reference: string | null;
            /** @enum {string} */
            secrecy: "none" | "confidential" | "secret" | "top_secret";
            /** @example จังหวัดร้อยเอ็ด */
            senderName: string;
            /** Format: date-time */
            sentAt: string;
            /** @enum {string} */
            speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            /** @description Left out when the letter is above your clearance */
            subject?: string;
        };
        OverdueLevelsResponse: {
            /** Format: date-time */
            asOf: string;
            levels: components["schemas"]["LevelCountResponse"][];
            total: number;
            /** Format: uuid */
            unitId: string;
        };
        OverduePageResponse: {
            /** Format: date-time */
            asOf: string;
            groups: components["schemas"]["OverdueGroupResponse"][];
            nextCursor: string | null;
            /** Format: uuid */
            unitId: string;
        };
        ParsedDateResponse: {
            /** Format: date */
            date: string | null;
            /** @example ๑๒ มกราคม ๒๕๖๘ */
            raw: string;
        };
        ParsedLetterResponse: {
            /**
             * @description Only when parsed from a read PDF: 0–1 per field found, from the reading confidences of its characters (1 for a text layer; an OCR-read Thai digit counts at most 0.5)
             * @example {
             *       "referenceNumber": 0.5,
             *       "letterDate": 0.93,
             *       "subject": 0.95
             *     }
             */
            confidence?: {
                [key: string]: number;
            };
            enclosures: string[];
            /** @enum {string} */
            kind: "external" | "memo" | "stamped";
            letterDate: components["schemas"]["ParsedDateResponse"] | null;
            ownerUnit: string | null;
            receiptStamps: components["schemas"]["PrintedStampResponse"][];
            referenceNumber: components["schemas"]["ParsedReferenceResponse"] | null;
            references: components["schemas"]["CitedLetterResponse"][];
            salutation: string | null;
            secrecy: string | null;
            signatory: components["schemas"]["SignatoryResponse"] | null;
            subject: string | null;
            /** @example ด่วนที่สุด */
            urgency: string | null;
            warnings: components["schemas"]["LetterWarningResponse"][];
        };
        ParsedReferenceResponse: {
            /** @example 0210.5 */
            agencyNumber: string;
            /** @example มท */
            agencyPrefix: string;
            circular: boolean;
            /** @example มท ๐๒๑๐.๕/๒๖๓ */
            raw: string;
            /** @example 263 */
            serial: number;
        };
        PendingUnitResponse: {
            /** @description Working hours waited so far */
            ageHours: number;
            /**
             * Format: uuid
             * @description The unit's oldest pending delivery
             */
            deliveryId: string;
            /** Format: date-time */
            dueAt: string | null;
            /** @description Highest rung reached (0: none yet) */
            escalationLevel: number;
            /** @example district */
            kind: string;
            /** @example อำเภอเสลภูมิ */
            nameTh: string;
            /** Format: date-time */
            nextEscalationAt: string | null;
            overdue: boolean;
            /** Format: date-time */
            pendingSince: string;
            /** Format: uuid */
            unitId: string;
        };
        PendingUnitsPageResponse: {
            items: components["schemas"]["PendingUnitResponse"][];
            nextCursor: string | null;
        };
        PolicyDto: {
            /**
             * @description Working minutes to register (ลงรับ) before the first reminder (a working day = 480)
             * @example 120
             */
            ackWorkingMinutes: number;
            /**
             * @description Working minutes from each level to the next ([1→2, 2→3, 3→4]); length + 1 = levels (1–4)
             * @example [
             *       120,
             *       240,
             *       480
             *     ]
             */
            stepWorkingMinutes: number[];
        };
        PolicyListResponse: {
            items: components["schemas"]["PolicyResponse"][];
            /**
             * @description Working minutes in a working day (office hours)
             * @example 480
             */
            workingDayMinutes: number;
        };
        PolicyResponse: {
            /** @example 120 */
            ackWorkingMinutes: number;
            /** @enum {string} */
            speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            /**
             * @example [
             *       120,
             *       240,
             *       480
             *     ]
             */
            stepWorkingMinutes: number[];
            /** Format: date-time */
            updatedAt: string;
        };
        PrintedStampDto: {
            /**
             * @description ISO date as printed
             * @example 2026-01-15
             */
            date?: string | null;
            /** @example 2631 */
            receiptNumber?: number | null;
            /** @example 10:30 */
            time?: string | null;
            /** @example สำนักงานปลัดกระทรวงมหาดไทย */
            unit?: string | null;
        };
        PrintedStampResponse: {
            /** Format: date */
            date: string | null;
            receiptNumber: number | null;
            /** @example 10:55 */
            time: string | null;
            unit: string | null;
        };
        ProgressDeliveryCountsResponse: {
            cancelled: number;
            received: number;
            returned: number;
            sent: number;
            total: number;
        };
        ProgressResponse: {
            children: components["schemas"]["ChildRollupResponse"][];
            deliveries: components["schemas"]["ProgressDeliveryCountsResponse"];
            levels: components["schemas"]["LevelCountsResponse"][];
            notReceived: components["schemas"]["PendingUnitsPageResponse"];
            oldestPending: components["schemas"]["OldestPendingResponse"] | null;
            /** Format: uuid */
            rootLetterId: string;
            unit: components["schemas"]["TrackingUnitResponse"];
            units: components["schemas"]["ProgressUnitCountsResponse"];
        };
        ProgressUnitCountsResponse: {
            cancelled: number;
            pending: number;
            received: number;
            returned: number;
            total: number;
        };
        QueueSessionResponse: {
            /**
             * @description Lifetime of the cookie that opens it
             * @example 600
             */
            expiresInSeconds: number;
            /**
             * @description Where the dashboard is
             * @example /admin/queues
             */
            path: string;
        };
        QuickPickResponse: {
            /** @description Units of those kinds in the scope */
            count: number;
            /** @example districts */
            key: string;
            /** @example ทุกอำเภอ */
            labelTh: string;
            subtreeKinds: ("ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other")[];
        };
        ReadingFailureResponse: {
            /** @example READING_PDF_ENCRYPTED */
            code: string;
            /** @description Thai, for the clerk */
            detail: string;
        };
        ReadingPageResponse: {
            /** @description 0–1, mean over the lines by length; 0 when empty */
            confidence: number;
            /** @description Points */
            height: number;
            /** @description With ?lines=1 */
            lines?: components["schemas"]["ReadLineResponse"][];
            /** @enum {string} */
            method: "text_layer" | "ocr";
            /** @example 1 */
            pageNumber: number;
            /** @description Lines joined with line feeds */
            text: string;
            /** @description empty_page, garbage_text_layer (legacy-font text layer, read by OCR), low_confidence, noise_dropped, ocr_timeout */
            warnings: string[];
            /** @description Points */
            width: number;
        };
        ReadingResponse: {
            failure: components["schemas"]["ReadingFailureResponse"] | null;
            /** Format: uuid */
            fileId: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description 1, then +1 for each re-read */
            generation: number;
            pageCount: number | null;
            /** @description When done */
            pages: components["schemas"]["ReadingPageResponse"][] | null;
            pagesDone: number;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            state: "queued" | "running" | "done" | "failed";
            /** @description no_text when every page is empty */
            warnings: string[];
        };
        ReadLineResponse: {
            /**
             * @description PDF points from the top left of the page
             * @example {
             *       "x0": 72,
             *       "y0": 66,
             *       "x1": 231,
             *       "y1": 86
             *     }
             */
            box: Record<string, never>;
            /** @description OCR only: one 0–1 confidence per UTF-16 code unit of text */
            charConfidences?: number[];
            /**
             * @description 0–1; 1 for a text layer
             * @example 0.94
             */
            confidence: number;
            /** @example ที่ มท ๐๒๑๐.๓/ว ๑๒๓๔ */
            text: string;
        };
        ReasonDto: {
            /** @example ส่งผิดหน่วยงาน */
            reason: string;
        };
        RefreshDto: {
            /** @description The refresh token from sign-in or the previous refresh; browsers leave it out and send the cookie */
            refreshToken?: string;
        };
        RegisterBatchDto: {
            /** @description Up to 500 letters or deliveries; numbered consecutively in this order */
            items: components["schemas"]["RegisterLetterDto"][];
        };
        RegisterLetterDto: {
            /**
             * @description การปฏิบัติ
             * @example เสนอ ผวจ. / ส่งกลุ่มงานยุทธศาสตร์
             */
            action?: string;
            /** @description The delivery this registration acknowledges (ลงรับ) */
            deliveryId?: string;
            /** @description The letter to register (or give deliveryId) */
            letterId?: string;
            /** @description หมายเหตุ */
            remarks?: string;
            /** @description Cancel-and-replace: the entry this one replaces (same register) */
            replacesEntryId?: string;
        };
        RegisterResponse: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            direction: "incoming" | "outgoing";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "incoming" | "outgoing" | "circular" | "custom";
            /** @enum {string} */
            minClearance: "none" | "confidential" | "secret";
            /** @example ทะเบียนหนังสือรับ */
            name: string;
            /** Format: uuid */
            unitId: string;
        };
        SentLetterResponse: {
            /** Format: date-time */
            firstSentAt: string;
            /** Format: date-time */
            lastSentAt: string;
            /** Format: uuid */
            letterId: string;
            levels: components["schemas"]["SentLevelCountsResponse"][];
            /** @description ที่ as printed */
            reference: string | null;
            /** Format: uuid */
            rootLetterId: string;
            /** @enum {string} */
            secrecy: "none" | "confidential" | "secret" | "top_secret";
            /** @enum {string} */
            speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            /** @description Left out when the letter is above your clearance */
            subject?: string;
            totals: components["schemas"]["SentTotalsResponse"];
        };
        SentLettersPageResponse: {
            /** Format: date-time */
            asOf: string;
            items: components["schemas"]["SentLetterResponse"][];
            nextCursor: string | null;
            /** Format: uuid */
            unitId: string;
        };
        SentLevelCountsResponse: {
            level: number;
            /** @description Pending past their due time */
            overdue: number;
            pending: number;
            received: number;
            returned: number;
            total: number;
        };
        SentTotalsResponse: {
            overdue: number;
            pending: number;
            received: number;
            returned: number;
            total: number;
        };
        SessionStartDto: {
            /** @description Also read this letter's progress (the letter tracking page opened by its address) */
            progress?: components["schemas"]["StartProgressRead"];
        };
        SessionStartHead: {
            /** @description As GET /me answers it */
            me: components["schemas"]["MeResponse"];
            session: components["schemas"]["SessionTokensResponse"];
        };
        SessionStartProgress: {
            /** @description As GET /letters/{id}/progress answers it */
            progress: components["schemas"]["StartReadAnswer"];
        };
        SessionTokensResponse: {
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        SignatoryDto: {
            /** @example นายโชตินรินทร์ เกิดสม */
            name?: string;
            /** @example รองปลัดกระทรวงมหาดไทย ปฏิบัติราชการแทน ปลัดกระทรวงมหาดไทย */
            position?: string;
        };
        SignatoryResponse: {
            /** @example นายโชตินรินทร์ เกิดสม */
            name: string | null;
            position: string | null;
        };
        SkippedAttachmentResponse: {
            /** @example image/jpeg */
            contentType: string;
            /** @example รูปภาพ.jpg */
            name: string | null;
            /**
             * @description `not_pdf`, or the upload check that refused the PDF (FILE_PDF_ENCRYPTED, …)
             * @example not_pdf
             */
            reason: string;
            /** @description Bytes */
            size: number;
        };
        SkippedUnitsResponse: {
            /** @description Exact */
            count: number;
            /** @description The first of them */
            unitIds: string[];
        };
        StartProgressRead: {
            /** @description nextCursor of the previous page */
            cursor?: string;
            /**
             * Format: uuid
             * @description The letter whose progress the page shows
             */
            letterId: string;
            /** @default 50 */
            limit: number;
            /**
             * @description Whose subtree (default: the unit you act for)
             * @example 8f2d…
             */
            unitId?: string;
        };
        StartReadAnswer: {
            /** @description The read's answer: its response body, or a problem (RFC 9457) when refused */
            body: {
                [key: string]: unknown;
            };
            /** @example 200 */
            status: number;
        };
        TrackingUnitResponse: {
            /** Format: uuid */
            id: string;
            /** @example province */
            kind: string;
            /** @example จังหวัดร้อยเอ็ด */
            nameTh: string;
        };
        UnitNameResponse: {
            /** Format: uuid */
            id: string;
            /** @example องค์การบริหารส่วนตำบลดงลาน */
            nameTh: string;
        };
        UnitPageResponse: {
            items: components["schemas"]["UnitResponse"][];
            /** @description Cursor of the next page */
            nextCursor: string | null;
        };
        UnitRefResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other";
            /** @example จังหวัดร้อยเอ็ด */
            nameTh: string;
        };
        UnitResponse: {
            active: boolean;
            /** @example 2 */
            depth: number;
            geocode: string | null;
            headPosition: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "ministry" | "department" | "province" | "provincial_office" | "provincial_division" | "provincial_local_admin_office" | "district" | "district_local_admin_office" | "provincial_administration" | "city_municipality" | "town_municipality" | "subdistrict_municipality" | "subdistrict_administration" | "other";
            /** @example สำนักงานจังหวัด */
            kindLabel: string;
            /** @example รอ */
            letterCode: string | null;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            nameTh: string;
            /** @example 0017 */
            ownerNumber: string | null;
            /** Format: uuid */
            parentId: string | null;
            /**
             * @description Digits of the numbers it prints
             * @enum {string}
             */
            referenceDigits: "thai" | "arabic";
            /** @example สนจ.รอ. */
            shortName: string | null;
        };
        UnreadCountResponse: {
            /** @example 3 */
            unreadCount: number;
        };
        UpdateUnitDto: {
            /** @example ผู้ว่าราชการจังหวัดร้อยเอ็ด */
            headPosition?: string | null;
            /** @example รอ */
            letterCode?: string | null;
            /** @example สำนักงานจังหวัดร้อยเอ็ด */
            nameTh?: string;
            /** @example 0017.3 */
            ownerNumber?: string | null;
            /** @enum {string} */
            referenceDigits?: "thai" | "arabic";
            /** @example สนจ.รอ. */
            shortName?: string | null;
        };
        UpdateUserDto: {
            /** @description false closes the account (every session ends, sign-in is refused, memberships stay for the record); true opens it again (the user signs in anew). Not one’s own. */
            active?: boolean;
            /** @enum {string} */
            clearance?: "none" | "confidential" | "secret";
            /** @example นางสาวสมใจ ใจดี */
            displayName?: string;
            /** @example เจ้าพนักงานธุรการชำนาญงาน */
            positionTitle?: string | null;
        };
        UploadedFileResponse: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example application/pdf */
            mediaType: string;
            originalName: string | null;
            /** @example 2 */
            pages: number;
            /** @example e3b0c442… */
            sha256: string;
            /**
             * @description Bytes
             * @example 48213
             */
            size: number;
        };
        UserPageResponse: {
            items: components["schemas"]["UserResponse"][];
            nextCursor: string | null;
        };
        UserResponse: {
            active: boolean;
            /** @enum {string} */
            clearance: "none" | "confidential" | "secret";
            /** @example นางสาวสมใจ ใจดี */
            displayName: string;
            /** Format: uuid */
            id: string;
            memberships: components["schemas"]["MembershipResponse"][];
            positionTitle: string | null;
            /** @example somjai.j */
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    EscalationController_listPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "speed": "most_urgent",
                     *           "ackWorkingMinutes": 120,
                     *           "stepWorkingMinutes": [
                     *             120,
                     *             240,
                     *             480
                     *           ],
                     *           "updatedAt": "2026-01-15T03:55:00.000Z"
                     *         }
                     *       ],
                     *       "workingDayMinutes": 480
                     *     }
                     */
                    "application/json": components["schemas"]["PolicyListResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_setPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                speed: "none" | "urgent" | "very_urgent" | "most_urgent";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "speed": "most_urgent",
                     *       "ackWorkingMinutes": 120,
                     *       "stepWorkingMinutes": [
                     *         120,
                     *         240,
                     *         480
                     *       ],
                     *       "updatedAt": "2026-01-15T03:55:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PolicyResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_listHolidays: {
        parameters: {
            query?: {
                /** @description Gregorian year */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "date": "2026-03-03",
                     *           "nameTh": "วันมาฆบูชา",
                     *           "nameEn": "Makha Bucha Day",
                     *           "source": "admin"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HolidayListResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_addHoliday: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolidayDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "added": [
                     *         "2026-03-03"
                     *       ],
                     *       "alreadyPresent": 0,
                     *       "removed": 0
                     *     }
                     */
                    "application/json": components["schemas"]["HolidayChangeResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_removeHoliday: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "date": "2026-03-03",
                     *       "nameTh": "วันมาฆบูชา",
                     *       "nameEn": "Makha Bucha Day",
                     *       "source": "admin"
                     *     }
                     */
                    "application/json": components["schemas"]["HolidayResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_importHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolidayImportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "added": [
                     *         "2026-03-03",
                     *         "2026-05-31"
                     *       ],
                     *       "alreadyPresent": 0,
                     *       "removed": 0
                     *     }
                     */
                    "application/json": components["schemas"]["HolidayChangeResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EscalationController_seedNational: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Buddhist-era year */
                beYear: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "added": [
                     *         "2028-01-01",
                     *         "2028-04-06"
                     *       ],
                     *       "alreadyPresent": 0,
                     *       "removed": 0
                     *     }
                     */
                    "application/json": components["schemas"]["HolidayChangeResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QueueDashboardController_openQueueSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "path": "/admin/queues",
                     *       "expiresInSeconds": 600
                     *     }
                     */
                    "application/json": components["schemas"]["QueueSessionResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: {
                /** @description Browsers send `cookie`: the refresh token is then set as an HttpOnly, Secure, SameSite=Strict cookie on /api/v1/auth and left out of the body */
                "X-Saraban-Session"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json LOGIN_THROTTLED, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out (and the refresh cookie cleared) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Browsers send `cookie`: the refresh token is then set as an HttpOnly, Secure, SameSite=Strict cookie on /api/v1/auth and left out of the body */
                "X-Saraban-Session"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json CSRF_CHECK_FAILED (cookie without header) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SessionStartController_start: {
        parameters: {
            query?: never;
            header: {
                /** @description The refresh token is the HttpOnly cookie */
                "X-Saraban-Session": "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionStartDto"];
            };
        };
        responses: {
            /** @description Newline-delimited JSON: first `SessionStartHead` (written as soon as the session is rotated), then `SessionStartProgress` when the progress was asked for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["SessionStartHead"] | components["schemas"]["SessionStartProgress"];
                };
            };
            /** @description problem+json REFRESH_TOKEN_INVALID or REFRESH_TOKEN_REUSED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json CSRF_CHECK_FAILED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_cancelDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_returnDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "77c3…",
                     *       "state": "returned",
                     *       "stateReason": "ส่งผิดหน่วยงาน",
                     *       "stateChangedAt": "2026-01-15T05:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryStateResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_upload: {
        parameters: {
            query?: {
                /** @description Unit uploading (when you act for several) */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadedFileResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_content: {
        parameters: {
            query?: {
                /** @description 1: show in the console viewer instead of downloading */
                inline?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_reread: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    FilesController_readingOf: {
        parameters: {
            query?: {
                /** @description 1: each page with its lines */
                lines?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadingResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_cancelForward: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IntakeController_parse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description also accepted as file_id
                     */
                    fileId?: string;
                    text?: string;
                };
                "text/plain": {
                    /**
                     * Format: uuid
                     * @description also accepted as file_id
                     */
                    fileId?: string;
                    text?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "external",
                     *       "urgency": null,
                     *       "secrecy": null,
                     *       "referenceNumber": {
                     *         "raw": "มท ๐๒๑๐.๕/๒๖๓",
                     *         "agencyPrefix": "มท",
                     *         "agencyNumber": "0210.5",
                     *         "circular": false,
                     *         "serial": 263
                     *       },
                     *       "letterDate": {
                     *         "raw": "๑๒ มกราคม ๒๕๖๘",
                     *         "date": "2025-01-12"
                     *       },
                     *       "warnings": [
                     *         {
                     *           "code": "year_slip",
                     *           "field": "letterDate",
                     *           "suggested": "2026-01-12"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ParsedLetterResponse"];
                };
            };
        };
    };
    LettersController_search: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description Letter date from (BE or ISO) */
                from?: string;
                limit?: number;
                /** @description Thai substring of subject, sender or ที่ (3+ characters) */
                q?: string;
                registerId?: string;
                speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
                /** @description Letter date to (BE or ISO) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0b1e…",
                     *           "kind": "external",
                     *           "speed": "most_urgent",
                     *           "secrecy": "none",
                     *           "referenceRaw": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *           "agencyPrefix": "มท",
                     *           "agencyNumber": "0210.5",
                     *           "circular": true,
                     *           "serial": 10557,
                     *           "letterDateRaw": "๑๒ มกราคม ๒๕๖๘",
                     *           "letterDate": "2025-01-12",
                     *           "suggestedLetterDate": "2026-01-12",
                     *           "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์",
                     *           "addressee": "ผู้ว่าราชการจังหวัดทุกจังหวัด",
                     *           "rootLetterId": "0b1e…",
                     *           "fileIds": [
                     *             "6f1c…"
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["LetterPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LettersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and records no second letter */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLetterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b1e…",
                     *       "kind": "external",
                     *       "speed": "most_urgent",
                     *       "secrecy": "none",
                     *       "referenceRaw": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *       "agencyPrefix": "มท",
                     *       "agencyNumber": "0210.5",
                     *       "circular": true,
                     *       "serial": 10557,
                     *       "letterDateRaw": "๑๒ มกราคม ๒๕๖๘",
                     *       "letterDate": "2025-01-12",
                     *       "suggestedLetterDate": "2026-01-12",
                     *       "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์",
                     *       "addressee": "ผู้ว่าราชการจังหวัดทุกจังหวัด",
                     *       "rootLetterId": "0b1e…",
                     *       "fileIds": [
                     *         "6f1c…"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["LetterResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LettersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrackingController_acknowledgments: {
        parameters: {
            query?: {
                /** @description Bucket by hour, or by working day (Bangkok time) */
                by?: "hour" | "day";
                /** @description Whose subtree (default: the unit you act for) */
                unitId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rootLetterId": "0b1e…",
                     *       "unitId": "8f2d…",
                     *       "by": "hour",
                     *       "total": 33,
                     *       "firstSentAt": "2026-01-15T03:55:00.000Z",
                     *       "points": [
                     *         {
                     *           "at": "2026-01-15T04:00:00.000Z",
                     *           "date": "2026-01-15",
                     *           "workingDay": null,
                     *           "count": 5,
                     *           "received": 5,
                     *           "share": 0.152
                     *         },
                     *         {
                     *           "at": "2026-01-15T06:00:00.000Z",
                     *           "date": "2026-01-15",
                     *           "workingDay": null,
                     *           "count": 10,
                     *           "received": 15,
                     *           "share": 0.455
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AcknowledgmentSeriesResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LetterDossierController_dossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LetterDossierResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json LETTER_NOT_FOUND: no such letter, or one you may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LettersController_file: {
        parameters: {
            query?: {
                /** @description 1: show in the console viewer instead of downloading */
                inline?: string;
            };
            header?: never;
            path: {
                id: string;
                position: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_letterProgress: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Whose subtree (default: the unit you act for) */
                unitId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rootLetterId": "0b1e…",
                     *       "unit": {
                     *         "id": "8f2d…",
                     *         "nameTh": "จังหวัดร้อยเอ็ด",
                     *         "kind": "province"
                     *       },
                     *       "deliveries": {
                     *         "sent": 53,
                     *         "received": 180,
                     *         "returned": 0,
                     *         "cancelled": 0,
                     *         "total": 233
                     *       },
                     *       "units": {
                     *         "total": 233,
                     *         "received": 180,
                     *         "pending": 53,
                     *         "returned": 0,
                     *         "cancelled": 0
                     *       },
                     *       "children": [
                     *         {
                     *           "unitId": "4b7a…",
                     *           "nameTh": "อำเภอเสลภูมิ",
                     *           "kind": "district",
                     *           "total": 18,
                     *           "received": 15,
                     *           "pending": 3,
                     *           "byKind": [
                     *             {
                     *               "kind": "district",
                     *               "total": 1,
                     *               "received": 1,
                     *               "pending": 0
                     *             },
                     *             {
                     *               "kind": "subdistrict_administration",
                     *               "total": 17,
                     *               "received": 14,
                     *               "pending": 3
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "oldestPending": {
                     *         "unitId": "6c1d…",
                     *         "pendingSince": "2026-01-15T03:55:00.000Z",
                     *         "ageHours": 26.5
                     *       },
                     *       "notReceived": {
                     *         "items": [
                     *           {
                     *             "unitId": "6c1d…",
                     *             "nameTh": "องค์การบริหารส่วนตำบลขวาว",
                     *             "kind": "subdistrict_administration",
                     *             "pendingSince": "2026-01-15T03:55:00.000Z",
                     *             "dueAt": "2026-01-18T03:55:00.000Z",
                     *             "ageHours": 26.5
                     *           }
                     *         ],
                     *         "nextCursor": null
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProgressResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_tree: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only this level (1: the origin’s recipients) */
                level?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LettersController_createFromText: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLetterFromTextDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *         "username": "saraban.office",
                     *         "displayName": "นางสาวสมใจ ใจดี",
                     *         "positionTitle": "เจ้าพนักงานธุรการชำนาญงาน",
                     *         "clearance": "none"
                     *       },
                     *       "memberships": [
                     *         {
                     *           "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *           "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "role": "clerk",
                     *           "acting": false,
                     *           "startsAt": "2026-01-01T00:00:00.000Z",
                     *           "endsAt": null
                     *         }
                     *       ],
                     *       "units": [
                     *         {
                     *           "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "roles": [
                     *             "clerk"
                     *           ],
                     *           "seesSubtree": false
                     *         }
                     *       ],
                     *       "actingHeadOf": []
                     *     }
                     */
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only unread ones */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3c9e…",
                     *           "userId": null,
                     *           "unitId": "8f2d…",
                     *           "kind": "delivery.new",
                     *           "payload": {
                     *             "letterId": "0b1e…",
                     *             "forwardId": "71aa…",
                     *             "fromUnitName": "กระทรวงมหาดไทย",
                     *             "reference": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *             "speed": "most_urgent",
                     *             "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี"
                     *           },
                     *           "createdAt": "2026-01-15T03:55:00.000Z",
                     *           "readAt": null
                     *         }
                     *       ],
                     *       "unreadCount": 1,
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressEventsController_stream: {
        parameters: {
            query?: {
                /** @description Resume after this event (for clients that cannot set Last-Event-ID) */
                lastEventId?: string;
                /** @description Only this letter's delivery tree (its root's) */
                letterId?: string;
                /** @description Only deliveries sent or received in this unit's subtree */
                unitId?: string;
            };
            header: {
                "last-event-id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_annotations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registerEntryId": "9d2a…",
                     *       "items": [
                     *         {
                     *           "id": "5e1f…",
                     *           "registerEntryId": "9d2a…",
                     *           "letterId": "0b1e…",
                     *           "unitId": "8f2d…",
                     *           "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "authorUserId": "2c4b…",
                     *           "authorName": "นางสาวพรทิพย์ ศรีสุข",
                     *           "authorPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *           "text": "เห็นควรแจ้ง อำเภอ และ อปท. ทราบ",
                     *           "decision": "proceed",
                     *           "createdAt": "2026-01-15T04:10:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AnnotationsResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_annotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnotationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5e1f…",
                     *       "registerEntryId": "9d2a…",
                     *       "letterId": "0b1e…",
                     *       "unitId": "8f2d…",
                     *       "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "authorUserId": "2c4b…",
                     *       "authorName": "นางสาวพรทิพย์ ศรีสุข",
                     *       "authorPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "text": "เห็นควรแจ้ง อำเภอ และ อปท. ทราบ",
                     *       "decision": "proceed",
                     *       "createdAt": "2026-01-15T04:10:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["AnnotationResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_forward: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and sends nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForwardDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "forwardId": "71aa…",
                     *       "letterId": "0b1e…",
                     *       "rootLetterId": "0b1e…",
                     *       "senderUnitId": "8f2d…",
                     *       "parentDeliveryId": "3e0c…",
                     *       "annotationId": "5e1f…",
                     *       "sentAt": "2026-01-15T04:10:00.000Z",
                     *       "dueAt": "2026-01-18T04:10:00.000Z",
                     *       "responseDueAt": null,
                     *       "created": 203,
                     *       "skipped": {
                     *         "count": 1,
                     *         "unitIds": [
                     *           "4b7a…"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ForwardResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json FORWARD_NO_CLEARED_MEMBER: a classified letter and recipient units where nobody active in the registry (clerk, head, admin) is cleared for it; `units` names them (id, nameTh), `count` is exact; nothing is sent */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ForwardTargetsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForwardDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recipients": 23,
                     *       "alreadySent": 1,
                     *       "willCreate": 22,
                     *       "noClearedMember": {
                     *         "count": 1,
                     *         "units": [
                     *           {
                     *             "id": "4b7a…",
                     *             "nameTh": "องค์การบริหารส่วนตำบลดงลาน"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ForwardPreviewResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReceiptsController_stamped: {
        parameters: {
            query?: {
                /** @description 1: show in the console viewer instead of downloading */
                inline?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReceiptsController_stamps: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_book: {
        parameters: {
            query?: {
                /** @description From date (BE or ISO), inclusive */
                from?: string;
                /** @description 1: show in the console viewer instead of downloading (PDF only) */
                inline?: "1" | "true" | "0" | "false";
                /** @description To date (BE or ISO), inclusive */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "registerId": "51c0…",
                     *       "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "registerName": "ทะเบียนหนังสือรับ",
                     *       "from": "2026-01-01",
                     *       "to": "2026-01-31",
                     *       "periodText": "๑ ม.ค. ๒๕๖๙ – ๓๑ ม.ค. ๒๕๖๙",
                     *       "numberColumnHeader": "เลขทะเบียนรับ",
                     *       "rows": [
                     *         {
                     *           "entryId": "9d2a…",
                     *           "letterId": "0b1e…",
                     *           "number": 520,
                     *           "beYear": 2569,
                     *           "registeredAt": "2026-01-15T03:55:00.000Z",
                     *           "status": "active",
                     *           "receiptNumber": "๕๒๐/๒๕๖๙",
                     *           "referenceNumber": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *           "letterDate": "๑๒ มกราคม ๒๕๖๙",
                     *           "from": "กระทรวงมหาดไทย",
                     *           "to": "ผู้ว่าราชการจังหวัดทุกจังหวัด",
                     *           "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี",
                     *           "action": "",
                     *           "remarks": ""
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BookResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_entries: {
        parameters: {
            query?: {
                /** @description Return entries after this number */
                after?: number;
                limit?: number;
                /** @description Buddhist-era year (default: this year in Bangkok) */
                year?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_receive: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and takes no second number */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterLetterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9d2a…",
                     *       "registerId": "51c0…",
                     *       "receiptNumber": 520,
                     *       "beYear": 2569,
                     *       "receivedAt": "2026-01-15T03:55:00.000Z",
                     *       "letterId": "0b1e…",
                     *       "status": "active",
                     *       "display": {
                     *         "receiptNumber": "๕๒๐",
                     *         "date": "๑๕ ม.ค. ๒๕๖๙",
                     *         "time": "๑๐.๕๕ น."
                     *       },
                     *       "warnings": []
                     *     }
                     */
                    "application/json": components["schemas"]["EntryResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9d2a…",
                     *       "registerId": "51c0…",
                     *       "receiptNumber": 520,
                     *       "beYear": 2569,
                     *       "receivedAt": "2026-01-15T03:55:00.000Z",
                     *       "letterId": "0b1e…",
                     *       "status": "cancelled",
                     *       "display": {
                     *         "receiptNumber": "๕๒๐",
                     *         "date": "๑๕ ม.ค. ๒๕๖๙",
                     *         "time": "๑๐.๕๕ น."
                     *       },
                     *       "warnings": [],
                     *       "cancelReason": "ลงรับซ้ำ"
                     *     }
                     */
                    "application/json": components["schemas"]["EntryResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_receiveBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and registers nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterBatchDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Some items cannot be registered; nothing was */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    RegistersController_allocate: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and takes no second number */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllocateNumberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9d2a…",
                     *       "registerId": "51c0…",
                     *       "receiptNumber": 520,
                     *       "beYear": 2569,
                     *       "receivedAt": "2026-01-15T03:55:00.000Z",
                     *       "letterId": "0b1e…",
                     *       "status": "active",
                     *       "display": {
                     *         "receiptNumber": "๕๒๐",
                     *         "date": "๑๕ ม.ค. ๒๕๖๙",
                     *         "time": "๑๐.๕๕ น."
                     *       },
                     *       "warnings": [],
                     *       "referenceNumber": "รอ ๐๐๑๗.๓/ว ๑๒๓"
                     *     }
                     */
                    "application/json": components["schemas"]["OutgoingNumberResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_setFloor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpeningFloorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_printoutCsv: {
        parameters: {
            query?: {
                /** @description From date (BE or ISO), inclusive */
                from?: string;
                /** @description 1: show in the console viewer instead of downloading (PDF only) */
                inline?: "1" | "true" | "0" | "false";
                /** @description To date (BE or ISO), inclusive */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_printoutPdf: {
        parameters: {
            query?: {
                /** @description From date (BE or ISO), inclusive */
                from?: string;
                /** @description 1: show in the console viewer instead of downloading (PDF only) */
                inline?: "1" | "true" | "0" | "false";
                /** @description To date (BE or ISO), inclusive */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "kind": "provincial_office",
                     *       "kindLabel": "สำนักงานจังหวัด",
                     *       "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "shortName": "สนจ.รอ.",
                     *       "letterCode": "รอ",
                     *       "ownerNumber": "0017",
                     *       "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *       "depth": 2,
                     *       "active": true,
                     *       "referenceDigits": "thai",
                     *       "geocode": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json PARENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json PARENT_INACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "kind": "provincial_office",
                     *       "kindLabel": "สำนักงานจังหวัด",
                     *       "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "shortName": "สนจ.รอ.",
                     *       "letterCode": "รอ",
                     *       "ownerNumber": "0017",
                     *       "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *       "depth": 2,
                     *       "active": true,
                     *       "referenceDigits": "thai",
                     *       "geocode": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "kind": "provincial_office",
                     *       "kindLabel": "สำนักงานจังหวัด",
                     *       "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "shortName": "สนจ.รอ.",
                     *       "letterCode": "รอ",
                     *       "ownerNumber": "0017",
                     *       "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *       "depth": 2,
                     *       "active": true,
                     *       "referenceDigits": "thai",
                     *       "geocode": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "kind": "provincial_office",
                     *       "kindLabel": "สำนักงานจังหวัด",
                     *       "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "shortName": "สนจ.รอ.",
                     *       "letterCode": "รอ",
                     *       "ownerNumber": "0017",
                     *       "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *       "depth": 2,
                     *       "active": true,
                     *       "referenceDigits": "thai",
                     *       "geocode": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json PARENT_INACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_children: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "kind": "provincial_office",
                     *           "kindLabel": "สำนักงานจังหวัด",
                     *           "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "shortName": "สนจ.รอ.",
                     *           "letterCode": "รอ",
                     *           "ownerNumber": "0017",
                     *           "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *           "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *           "depth": 2,
                     *           "active": true,
                     *           "referenceDigits": "thai",
                     *           "geocode": null
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "kind": "provincial_office",
                     *       "kindLabel": "สำนักงานจังหวัด",
                     *       "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "shortName": "สนจ.รอ.",
                     *       "letterCode": "รอ",
                     *       "ownerNumber": "0017",
                     *       "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *       "depth": 2,
                     *       "active": false,
                     *       "referenceDigits": "thai",
                     *       "geocode": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_HAS_ACTIVE_CHILDREN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ForwardTargetsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description The register entry of the letter about to be forwarded: each unit then says whether the forward would be refused for it (noClearedMember: a classified letter and nobody there cleared to register or return it) */
                entryId?: string;
                limit?: number;
                /** @description List the units directly below this one (default: the sender's organisation) */
                parentId?: string;
                /** @description Instead, search the whole scope by Thai name (2+ characters) */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unit": {
                     *         "id": "8f2d…",
                     *         "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *         "kind": "provincial_office"
                     *       },
                     *       "organisation": {
                     *         "id": "1a2b…",
                     *         "nameTh": "จังหวัดร้อยเอ็ด",
                     *         "kind": "province"
                     *       },
                     *       "parent": {
                     *         "id": "1a2b…",
                     *         "nameTh": "จังหวัดร้อยเอ็ด",
                     *         "kind": "province"
                     *       },
                     *       "items": [
                     *         {
                     *           "id": "4b7a…",
                     *           "nameTh": "อำเภอเสลภูมิ",
                     *           "kind": "district",
                     *           "kindLabel": "อำเภอ / เขต",
                     *           "parentId": "1a2b…",
                     *           "parentName": "จังหวัดร้อยเอ็ด",
                     *           "children": 2,
                     *           "localAdministrations": 2,
                     *           "selectable": true,
                     *           "noClearedMember": false
                     *         }
                     *       ],
                     *       "nextCursor": null,
                     *       "quickPicks": [
                     *         {
                     *           "key": "districts",
                     *           "labelTh": "ทุกอำเภอ",
                     *           "subtreeKinds": [
                     *             "district"
                     *           ],
                     *           "count": 20
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ForwardTargetsPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json FORBIDDEN: you do not forward for this unit */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json FORWARD_UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_inbox: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only deliveries past their due time, or only those not yet past it */
                due?: "overdue" | "on_time";
                limit?: number;
                /** @description Only letters of this speed class (ความเร่งด่วน) */
                speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unitId": "8f2d…",
                     *       "items": [
                     *         {
                     *           "deliveryId": "3e0c…",
                     *           "letterId": "0b1e…",
                     *           "reference": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *           "letterDateRaw": "๑๒ มกราคม ๒๕๖๙",
                     *           "speed": "most_urgent",
                     *           "secrecy": "none",
                     *           "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี",
                     *           "senderUnitId": "1a2b…",
                     *           "senderName": "กระทรวงมหาดไทย",
                     *           "sentAt": "2026-01-15T03:55:00.000Z",
                     *           "dueAt": "2026-01-18T03:55:00.000Z",
                     *           "ageHours": 2.5,
                     *           "overdue": false
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["InboxPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_move: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "kind": "provincial_office",
                     *       "kindLabel": "สำนักงานจังหวัด",
                     *       "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "shortName": "สนจ.รอ.",
                     *       "letterCode": "รอ",
                     *       "ownerNumber": "0017",
                     *       "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *       "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *       "depth": 2,
                     *       "active": true,
                     *       "referenceDigits": "thai",
                     *       "geocode": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller; or PARENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_CYCLE or PARENT_INACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RoutingController_overdue: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only deliveries whose escalation reached exactly this level (0: not yet) */
                level?: number;
                limit?: number;
                /** @description Only deliveries sent at least this many hours ago */
                minAgeHours?: number;
                /** @description Only letters of this speed class */
                speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unitId": "8f2d…",
                     *       "asOf": "2026-01-19T03:00:00.000Z",
                     *       "groups": [
                     *         {
                     *           "unitId": "6c1d…",
                     *           "nameTh": "องค์การบริหารส่วนตำบลขวาว",
                     *           "kind": "subdistrict_administration",
                     *           "overdue": 1,
                     *           "items": [
                     *             {
                     *               "deliveryId": "3e0c…",
                     *               "letterId": "0b1e…",
                     *               "reference": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *               "speed": "most_urgent",
                     *               "secrecy": "none",
                     *               "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี",
                     *               "senderName": "อำเภอเสลภูมิ",
                     *               "sentAt": "2026-01-15T03:55:00.000Z",
                     *               "dueAt": "2026-01-18T03:55:00.000Z",
                     *               "ageHours": 95.1,
                     *               "overdueHours": 23.1
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["OverduePageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrackingController_overdueLevels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unitId": "8f2d…",
                     *       "asOf": "2026-01-19T03:00:00.000Z",
                     *       "total": 7,
                     *       "levels": [
                     *         {
                     *           "level": 0,
                     *           "count": 1
                     *         },
                     *         {
                     *           "level": 1,
                     *           "count": 4
                     *         },
                     *         {
                     *           "level": 2,
                     *           "count": 2
                     *         },
                     *         {
                     *           "level": 3,
                     *           "count": 0
                     *         },
                     *         {
                     *           "level": 4,
                     *           "count": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["OverdueLevelsResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrackingController_overdueCsv: {
        parameters: {
            query?: {
                /** @description Only deliveries whose escalation reached exactly this level (0: not yet) */
                level?: number;
                /** @description Only deliveries sent at least this many hours ago */
                minAgeHours?: number;
                /** @description Only letters of this speed class */
                speed?: "none" | "urgent" | "very_urgent" | "most_urgent";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrackingController_sentLetters: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unitId": "8f2d…",
                     *       "asOf": "2026-01-19T03:00:00.000Z",
                     *       "items": [
                     *         {
                     *           "rootLetterId": "0b1e…",
                     *           "letterId": "0b1e…",
                     *           "reference": "มท ๐๒๑๐.๕/ว๑๐๕๕๗",
                     *           "speed": "most_urgent",
                     *           "secrecy": "none",
                     *           "subject": "การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี",
                     *           "firstSentAt": "2026-01-15T03:55:00.000Z",
                     *           "lastSentAt": "2026-01-15T06:10:00.000Z",
                     *           "totals": {
                     *             "total": 33,
                     *             "received": 20,
                     *             "pending": 12,
                     *             "returned": 1,
                     *             "overdue": 4
                     *           },
                     *           "levels": [
                     *             {
                     *               "level": 1,
                     *               "total": 5,
                     *               "received": 5,
                     *               "pending": 0,
                     *               "returned": 0,
                     *               "overdue": 0
                     *             },
                     *             {
                     *               "level": 2,
                     *               "total": 28,
                     *               "received": 15,
                     *               "pending": 12,
                     *               "returned": 1,
                     *               "overdue": 4
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["SentLettersPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganisationsController_subtree: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                /** @description Thai substring of the unit name, at least 3 characters */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "kind": "provincial_office",
                     *           "kindLabel": "สำนักงานจังหวัด",
                     *           "nameTh": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "shortName": "สนจ.รอ.",
                     *           "letterCode": "รอ",
                     *           "ownerNumber": "0017",
                     *           "headPosition": "หัวหน้าสำนักงานจังหวัดร้อยเอ็ด",
                     *           "parentId": "0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b",
                     *           "depth": 2,
                     *           "active": true,
                     *           "referenceDigits": "thai",
                     *           "geocode": null
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["UnitPageResponse"];
                };
            };
            /** @description problem+json SEARCH_TOO_SHORT */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailboxController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only drafts in this state */
                status?: "pending" | "confirmed" | "discarded";
            };
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftPageResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailboxController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                draftId: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailboxController_confirm: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and makes no second letter or number */
                "Idempotency-Key"?: string;
            };
            path: {
                draftId: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmDraftDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfirmedDraftResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailboxController_discard: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key returns the first answer and answers the same */
                "Idempotency-Key"?: string;
            };
            path: {
                draftId: string;
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscardDraftDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisterResponse"][];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegistersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                unitId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description Opaque cursor from the previous page */
                cursor?: string;
                limit?: number;
                /** @description Part of the display name or username */
                q?: string;
                /** @description A unit the caller administers; without it, every unit they administer */
                unitId?: string;
                /** @description `unit`: members of the unit itself; `subtree`: of the unit's whole subtree */
                within?: "unit" | "subtree";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *           "username": "somjai.j",
                     *           "displayName": "นางสาวสมใจ ใจดี",
                     *           "positionTitle": "เจ้าพนักงานธุรการชำนาญงาน",
                     *           "clearance": "none",
                     *           "active": true,
                     *           "memberships": [
                     *             {
                     *               "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *               "userId": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *               "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *               "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *               "role": "clerk",
                     *               "acting": false,
                     *               "startsAt": "2026-01-15T03:55:00.000Z",
                     *               "endsAt": null,
                     *               "live": true
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["UserPageResponse"];
                };
            };
            /** @description problem+json INVALID_CURSOR or VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND (not administered) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *       "username": "somjai.j",
                     *       "displayName": "นางสาวสมใจ ใจดี",
                     *       "positionTitle": "เจ้าพนักงานธุรการชำนาญงาน",
                     *       "clearance": "none",
                     *       "active": true,
                     *       "memberships": [
                     *         {
                     *           "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *           "userId": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *           "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "role": "clerk",
                     *           "acting": false,
                     *           "startsAt": "2026-01-15T03:55:00.000Z",
                     *           "endsAt": null,
                     *           "live": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json WEAK_PASSWORD or CLEARANCE_ABOVE_OWN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *       "username": "somjai.j",
                     *       "displayName": "นางสาวสมใจ ใจดี",
                     *       "positionTitle": "เจ้าพนักงานธุรการชำนาญงาน",
                     *       "clearance": "none",
                     *       "active": true,
                     *       "memberships": [
                     *         {
                     *           "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *           "userId": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *           "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "role": "clerk",
                     *           "acting": false,
                     *           "startsAt": "2026-01-15T03:55:00.000Z",
                     *           "endsAt": null,
                     *           "live": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *       "username": "somjai.j",
                     *       "displayName": "นางสาวสมใจ ใจดี",
                     *       "positionTitle": "เจ้าพนักงานธุรการชำนาญงาน",
                     *       "clearance": "none",
                     *       "active": true,
                     *       "memberships": [
                     *         {
                     *           "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *           "userId": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *           "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *           "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *           "role": "clerk",
                     *           "acting": false,
                     *           "startsAt": "2026-01-15T03:55:00.000Z",
                     *           "endsAt": null,
                     *           "live": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json CLEARANCE_ABOVE_OWN */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_addMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMembershipDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *       "userId": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *       "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "role": "clerk",
                     *       "acting": false,
                     *       "startsAt": "2026-01-15T03:55:00.000Z",
                     *       "endsAt": null,
                     *       "live": true
                     *     }
                     */
                    "application/json": components["schemas"]["MembershipResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json USER_NOT_FOUND or UNIT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json ACTING_SPAN_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_endMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c",
                     *       "userId": "5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00",
                     *       "unitId": "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                     *       "unitName": "สำนักงานจังหวัดร้อยเอ็ด",
                     *       "role": "clerk",
                     *       "acting": false,
                     *       "startsAt": "2026-01-15T03:55:00.000Z",
                     *       "endsAt": "2026-01-20T02:00:00.000Z",
                     *       "live": false
                     *     }
                     */
                    "application/json": components["schemas"]["MembershipResponse"];
                };
            };
            /** @description problem+json: missing, invalid or expired token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json USER_NOT_FOUND or MEMBERSHIP_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description problem+json MEMBERSHIP_ALREADY_ENDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description problem+json naming the component that is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
}
