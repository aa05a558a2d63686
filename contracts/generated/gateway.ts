/**
 * GENERATED FILE: do not edit. Source: contracts/gateway.yaml
 * Regenerate with `npm run contracts:gen`; `npm test` fails when this file is stale.
 */

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 窗口人员登录 */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 跨域通办事项目录 */
        get: operations["listItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{itemCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 事项详情（含材料清单）
         * @description By 实施编码 (unique), or by 事项基本编码: one national item may be offered for several partner
         *     regions, so an itemCode that more than one offers needs `partner` (else 400 `ITEM_AMBIGUOUS`).
         */
        get: operations["getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 合作地区（办理地）列表
         * @description The partner regions this gateway hands cases to, as registered (partners/index.ts).
         */
        get: operations["listPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 办件列表（本地区） */
        get: operations["listCases"];
        put?: never;
        /**
         * 新建办件（草稿）
         * @description Opens a draft case for a catalog item. The applicant's ID number is checked (GB 11643 / GB 32100).
         *     An `itemCode` (事项基本编码) that more than one partner region offers needs `partner` (else 400
         *     `ITEM_AMBIGUOUS`); a 实施编码 names its region by itself.
         */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        /** 办件详情 */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传扫描材料
         * @description multipart/form-data with `file` (PDF, JPEG or PNG, judged by the file's bytes, at most
         *     MAX_UPLOAD_BYTES, default 20 MiB), `code` (the item's material code, or `extra`) and optional `name`.
         *     The file is hashed (SHA-256) and stored durably before it is attached. Only in 草稿 or 需补正.
         */
        post: operations["addMaterial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/materials/{materialId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                materialId: string;
            };
            cookie?: never;
        };
        /** 下载材料文件 */
        get: operations["downloadMaterial"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/result/document": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        /** 下载办理结果文书（办理地发回） */
        get: operations["downloadResultDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 形式审查通过，收件并转递
         * @description Checks that every required material is present, computes 承诺办结时间 in working days, and in one
         *     durable write makes the case 已收件 and queues its handoff to the partner region. When this answers
         *     202, the case is safe whatever happens next; the handoff is delivered in the background with retries.
         */
        post: operations["submitCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回办件（转递前或补正中） */
        post: operations["withdrawCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤件（办理地已收到的办件，经办理地撤件接口）
         * @description The applicant asks to withdraw a case the partner region already has (已转递 or 已受理). The region's cancel operation is queued with the case in one durable write and sent with retries; the answer comes back on the case's `withdrawal`: `withdrawn` (the case becomes 已撤回 on both sides) or `refused` (the region had already decided: the case keeps the region's decision, which reaches it as usual). A withdrawal that races the region's decision ends in the region's answer: whichever the region recorded first. Only regions whose contract has a cancel operation offer this (`WITHDRAWAL_UNSUPPORTED` otherwise); a cancel that cannot be delivered is dead-lettered like a handoff and can be retried.
         */
        post: operations["withdrawHandedOffCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 办理结果送达申请人（办结 → 已送达） */
        post: operations["deliverResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/decisions/accept": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 受理（本地为办理地）
         * @description Accepts a case a partner region handed us. The 承诺办结时间 is our catalog item's time limit in working
         *     days from today. Queues the report `report-accepted` with our 受理通知书.
         *     Errors: `AUTH_REQUIRED`, `TOKEN_INVALID` (401), `FORBIDDEN` (403: not an approver, or not a case handed to the approver's region), `CASE_OUT_OF_REGION` (403), `CASE_NOT_FOUND` (404), `ILLEGAL_TRANSITION` (409: the case's state does not allow it), `CONCURRENT_UPDATE` (409), `UNKNOWN_ITEM` (422: the item is no longer one we decide).
         */
        post: operations["acceptInboundCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/decisions/supplement": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 一次性告知补齐补正（受理前）
         * @description Tells the sending region, once and in full, which materials are missing and why (《中华人民共和国行政许可法》
         *     第三十二条). The case waits (待补正) for the partner's answer (`supplyInboundMaterials`). Queues
         *     `report-supplement-N` (the N-th request) with our 补齐补正通知书.
         *     Errors: `AUTH_REQUIRED`, `TOKEN_INVALID` (401), `FORBIDDEN` (403: not an approver, or not a case handed to the approver's region), `CASE_OUT_OF_REGION` (403), `CASE_NOT_FOUND` (404), `ILLEGAL_TRANSITION` (409: the case's state does not allow it), `CONCURRENT_UPDATE` (409), `VALIDATION_FAILED` (400, naming the fields), `MALFORMED_JSON` (400), `MEDIA_TYPE_UNSUPPORTED` (415), `PAYLOAD_TOO_LARGE` (413), `SUPPLEMENT_UNSUPPORTED` (409: the sending region's contract has no 补正).
         */
        post: operations["requestInboundSupplement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/decisions/reject": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 不予受理
         * @description Refuses the application with the reason and its legal basis (both required). Queues `report-rejected`
         *     with our 不予受理通知书, which tells the applicant of their right to 行政复议 or 行政诉讼.
         *     Errors: `AUTH_REQUIRED`, `TOKEN_INVALID` (401), `FORBIDDEN` (403: not an approver, or not a case handed to the approver's region), `CASE_OUT_OF_REGION` (403), `CASE_NOT_FOUND` (404), `ILLEGAL_TRANSITION` (409: the case's state does not allow it), `CONCURRENT_UPDATE` (409), `VALIDATION_FAILED` (400, naming the fields), `MALFORMED_JSON` (400), `MEDIA_TYPE_UNSUPPORTED` (415), `PAYLOAD_TOO_LARGE` (413).
         */
        post: operations["rejectInboundCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/decisions/complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办结（结果文书和/或电子证照）
         * @description multipart/form-data: the result document as `file` (a PDF, judged by its bytes, at most MAX_UPLOAD_BYTES)
         *     and/or `certificateNo` (电子证照编号), at least one of them; `documentName` (结果名称), `deliveryMethod`
         *     (`post` with `trackingNo` 物流单号, or `electronic`). The document is hashed (SHA-256) and stored with
         *     the case. Queues `report-completed` with our 办结通知 and the result document.
         *     Errors: `AUTH_REQUIRED`, `TOKEN_INVALID` (401), `FORBIDDEN` (403: not an approver, or not a case handed to the approver's region), `CASE_OUT_OF_REGION` (403), `CASE_NOT_FOUND` (404), `ILLEGAL_TRANSITION` (409: the case's state does not allow it), `CONCURRENT_UPDATE` (409), `VALIDATION_FAILED` (400, naming the fields), `MULTIPART_MALFORMED` (400), `PAYLOAD_TOO_LARGE` (413), `MEDIA_TYPE_UNSUPPORTED` (415: not multipart/form-data), `DOCUMENT_NOT_PDF` (415: the file is not a PDF).
         */
        post: operations["completeInboundCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/decisions/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办理结果已送达
         * @description The result reached the applicant: by post (with its 物流单号), electronically, or at a window. Queues
         *     `report-delivered` with our 送达回执.
         *     Errors: `AUTH_REQUIRED`, `TOKEN_INVALID` (401), `FORBIDDEN` (403: not an approver, or not a case handed to the approver's region), `CASE_OUT_OF_REGION` (403), `CASE_NOT_FOUND` (404), `ILLEGAL_TRANSITION` (409: the case's state does not allow it), `CONCURRENT_UPDATE` (409), `VALIDATION_FAILED` (400, naming the fields), `MALFORMED_JSON` (400), `MEDIA_TYPE_UNSUPPORTED` (415), `PAYLOAD_TOO_LARGE` (413).
         */
        post: operations["recordInboundDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        /** 办件时间线（全部事件） */
        get: operations["getCaseTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/handoffs/{jobId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                jobId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 重新转递（死信）
         * @description Sends a dead-lettered handoff again with the same idempotency key and a fresh budget of attempts.
         */
        post: operations["retryHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        /**
         * 校验办件审计链
         * @description Recomputes the case's hash chain and compares it with the stored events; any edit, deletion or reordering is reported with the first bad sequence number.
         *     The chain must also pass through the head that the latest signed audit anchor holds for the case (see getAuditAnchor), so an edit whose chain was re-hashed in both copies is found too.
         *     A case changed since the latest anchor is checked against its previous one; a case never anchored yet has `anchor: null`.
         */
        get: operations["verifyCaseAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/anchor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计链锚点（最新一条签名锚点）
         * @description Every AUDIT_ANCHOR_INTERVAL_S seconds the gateway writes one record to DATA_DIR/audit-anchors.jsonl with the chain head of every case whose audit trail moved since the record before, linked to that record by its hash and signed with the gateway's Ed25519 document key (getReceiptSigningKeys).
         *     Copy `latest` out of this machine on a schedule: whoever rewrites a case's trail must then rewrite the anchors too, which needs the private key and no longer matches the copies.
         *     `broken` is set when the log failed its check at start (an edited, deleted or foreign-signed record): no anchor is written until an operator has looked at it and moved the file aside.
         */
        get: operations["getAuditAnchor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办件变动推送（server-sent events）
         * @description A clerk's screen is told when a case of their region changes, at once, whichever gateway instance
         *     committed the change (PostgreSQL LISTEN/NOTIFY between instances): `text/event-stream`, one event
         *     `case` per committed change, `data` = `{"caseId","caseNo","status","version","updatedAt"}` (no
         *     personal data; fetch the case for the rest), `id` = `<caseId>:<version>`; a comment every 25 s keeps
         *     the connection open. Needs `clerk` or `partner_clerk`; only cases the clerk's region received or
         *     decides are sent.
         */
        get: operations["streamCaseEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/anchor-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计链锚点日志（全部记录，JSON Lines）
         * @description Every anchor record, one JSON object per line, oldest first, exactly as signed: the file
         *     `npm run verify-anchors -- <file> --key <public key PEM> --expect <n>:<hash>` checks away from the
         *     gateway (links, hashes, signatures, and the hashes an operator copied earlier). Needs `clerk` or
         *     `operator` of our region.
         */
        get: operations["exportAuditAnchorLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/anchors/{n}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 审计链锚点（按序号）
         * @description Anchor record n as it stands in the log now. Compare it with the copy of `latest` taken when n was the latest: the same n with another hash means the log was rewritten. (`npm run verify-anchors` checks a copied log file offline.)
         */
        get: operations["getAuditAnchorRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        /**
         * 办件文书（受理回执、材料流转单、通知书、送达回执、办理地结果文书）
         * @description The gateway's signed documents of the case, originals and 副本 (oldest first), then the result
         *     document the partner sent back, if any. A document the case's state calls for that is not made
         *     yet (it is made off the request paths, within moments) is made now.
         */
        get: operations["listCaseDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                /** @description a document's id (`CaseDocument.id`), or a document type for its latest original */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        /**
         * 下载文书原件（记入审计链）
         * @description The stored file, byte for byte (`X-Content-SHA256` is its SHA-256, as listed). `documentId` may also be a
         *     document type (`acceptance_receipt` …): the latest original of that type, made now if the case calls
         *     for it. Each download is recorded in the case's audit trail (`document.downloaded`).
         */
        get: operations["downloadCaseDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{caseId}/documents/{documentId}/reprint": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                /** @description a document's id (`CaseDocument.id`), or a document type for its latest original */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 补打文书（副本）
         * @description A new PDF rendered from the signed facts of the stored original (which is verified first), marked
         *     「副本 COPY」 on every page with 「第 N 次补打」 and the time of printing, its facts carrying
         *     `copy: true`, `reprintNo` and `originalId`, signed again. It is stored and listed with the case and
         *     recorded in the audit trail (`document.reprinted`). A reprint of a 副本 is a further reprint of its original.
         */
        post: operations["reprintCaseDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 网关文书签名公钥 */
        get: operations["getReceiptSigningKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receipts/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核验文书真伪
         * @description Is this PDF a document this gateway signed, unaltered, and which case is it about? The body is the
         *     PDF (`application/pdf`) or a form with the field `file` (`multipart/form-data`), at most
         *     MAX_UPLOAD_BYTES. A PDF that is not genuine is answered 200 with `genuine: false` and the reason;
         *     none of what it claims (key id, case, document) is returned: those fields are null unless `genuine`
         *     is true. The file is read within the unauthenticated body budget (503 `SERVER_BUSY` when spent).
         */
        post: operations["verifyReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/cases/{caseNo}": {
        parameters: {
            query: {
                /** @description 查询码 printed on the 受理回执 */
                code: string;
            };
            header?: never;
            path: {
                /** @description 办件编号 */
                caseNo: string;
            };
            cookie?: never;
        };
        /**
         * 办理进度查询（受理回执二维码）
         * @description The progress of a case for whoever holds its 受理回执; no personal data. A wrong code and an unknown 办件编号 get the same 404.
         */
        get: operations["getPublicCaseStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 合作地区向本地转交办件（本地为办理地）
         * @description Signed with `partnerHmac`. `Idempotency-Key` is required: the same key with the same body returns
         *     the original answer (header `Idempotent-Replayed: true`); with another body, 409 IDEMPOTENCY_CONFLICT.
         *     Materials travel inline (base64) with their SHA-256, which is checked. Only items our region decides
         *     (422 `UNKNOWN_ITEM` otherwise), and only from the partner regions our catalog agrees each item with
         *     (422 `ITEM_NOT_AGREED` otherwise).
         */
        post: operations["receiveCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/cases/{partnerCaseNo}/supplements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the partner's 办件编号 */
                partnerCaseNo: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 合作地区补齐补正材料（答复本地的补正告知）
         * @description The answer to our `requestInboundSupplement`: the missing materials, inline (base64) with their SHA-256,
         *     each checked on arrival (a mismatch is refused naming the material, and nothing is stored). The case
         *     returns to 待受理 for its decision. Signed with `partnerHmac` like `receiveCase`, with the same
         *     `Idempotency-Key` rules: the same key with the same body returns the original answer
         *     (`Idempotent-Replayed: true`); with another body, 409 `IDEMPOTENCY_CONFLICT`.
         *     Errors: `PARTNER_UNKNOWN`, `SIGNATURE_INVALID`, `TIMESTAMP_STALE` (401), `NONCE_REPLAYED`,
         *     `IDEMPOTENCY_CONFLICT`, `ILLEGAL_TRANSITION` (409: the case is not waiting for 补正), `CASE_NOT_FOUND` (404:
         *     no case of this partner with that number), `VALIDATION_FAILED`, `MALFORMED_JSON` (400),
         *     `PAYLOAD_TOO_LARGE` (413), `MEDIA_TYPE_UNSUPPORTED`, `MATERIAL_TYPE_UNSUPPORTED` (415), `SERVER_BUSY` (503).
         */
        post: operations["supplyInboundMaterials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/partners/310104/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上海市徐汇区 status webhook
         * @description 上海市徐汇区 pushes status changes and results in its own webhook style: JSON, camelCase, signed with
         *     `X-Xh-Timestamp`, `X-Xh-Nonce`, `X-Xh-Signature` = hex HMAC-SHA256(webhook secret,
         *     `timestamp.nonce.rawBody`). The body is defined by that partner's contract,
         *     `contracts/partners/310104-xuhui.yaml` (`webhooks`); the schema below is a copy held equal by a test.
         *     Success is answered in the partner's style; errors are problem+json. Duplicate events (same
         *     eventId) and out-of-order events are recorded and change nothing.
         */
        post: operations["receiveXuhuiStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/partners/640000/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 宁夏回族自治区 status callback (envelope)
         * @description 宁夏回族自治区 sends envelopes `{ head, body }`, `head.sign` = HMAC-SHA256 over the canonical head and
         *     body with the callback secret; `head.time` is checked for freshness and `head.serial` for replay.
         *     The envelope is defined by that partner's contract, `contracts/partners/640000-ningxia.yaml`
         *     (`webhooks`); the schema below is a copy held equal by a test. Success is answered with a reply
         *     envelope (`rtnCode` 0000); errors are problem+json.
         */
        post: operations["receiveNingxiaCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/partners/350200/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 福建省厦门市 status notification (open-platform form)
         * @description 福建省厦门市's open platform posts an HTML form (`application/x-www-form-urlencoded`, UTF-8) signed RSA2
         *     with the platform's private key over every field but `sign`, sorted, `k=v&…` (empty values skipped);
         *     `notify_time` is checked for freshness and `notify_id` for replay. A field sent twice, or more than
         *     200 fields, is refused before the signature is checked. When the case is 办结 the form carries
         *     `result_url` and `result_sha256`: the gateway fetches the result from the platform (only from its
         *     own address), checks the hash and records the download in the case's audit trail. The form is
         *     defined by that partner's contract, `contracts/partners/350200-xiamen.yaml` (`webhooks`); the schema
         *     below is a copy held equal by a test. Success is answered `success` (text/plain), as the platform
         *     requires; errors are problem+json (`SIGNATURE_INVALID`, `TIMESTAMP_STALE`, `NONCE_REPLAYED`,
         *     `VALIDATION_FAILED`, `CASE_NOT_FOUND`, `PARTNER_UNAVAILABLE` when the result cannot be fetched, so the
         *     platform sends it again).
         */
        post: operations["receiveXiamenNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/partners/610700/reports/fkcx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 陕西省汉中市 polls our decisions on the cases it handed us (fkcx)
         * @description 汉中 610700 cannot receive pushes: the reports of our decisions on the cases it hands us (`report-…`
         *     handoff steps) are published, and 汉中 polls them here in its own style, as its contract describes the
         *     interface a 办理地 offers it (`contracts/partners/610700-hanzhong.yaml`, `webhooks` `fkcx`): pinyin fields,
         *     headers `appKey`, `timestamp` (yyyyMMddHHmmss, Beijing time), `nonce`, `sign` = uppercase hex
         *     HMAC-SHA256(appSecret, `appKey=…&bodyHash=…&nonce=…&timestamp=…&uri=…`), the same appKey and appSecret
         *     we use towards 汉中. The body `{ bjbh }` names the case by 汉中's own 办件编号; the answer lists each
         *     published decision as a 流水记录 (`lsjl`, stable `jlid`) with our signed documents (`wslb`, by `wjbh`).
         *     A report step is delivered once it is published; it is visible here from then on.
         *     The headers are checked before the body is read (at most 16 KiB, within `UNAUTH_BODY_BUDGET_BYTES`),
         *     then the signature, then the nonce. Every answered poll is recorded in the case's audit trail with
         *     the hashes of the request and the answer (`partner.polled`).
         *     Answers and refusals are in 汉中's `{ code, msg, data }` style, not problem+json: `0` (200); `3004`
         *     (200: no case 汉中 handed us with that `bjbh`); `1001` (400: the body breaks the contract, or not JSON
         *     `1002`); `2001`/`2002`/`2003`/`2004` (401: appKey unknown, signature wrong or its headers missing or
         *     malformed, timestamp outside ±300 s, nonce replayed); `1005` (413); `9999` (503: SERVER_BUSY).
         */
        post: operations["pollHanzhongReports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbound/partners/610700/reports/fkxz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 陕西省汉中市 downloads one of our signed documents (fkxz)
         * @description `{ bjbh, wjbh }`: one document a 流水记录 of `pollHanzhongReports` lists, base64 with its SHA-256
         *     (`contracts/partners/610700-hanzhong.yaml`, `webhooks` `fkxz`). Signed, bounded, recorded and refused
         *     like `pollHanzhongReports`; `3007` (200) when the case has no published document with that `wjbh`.
         */
        post: operations["downloadHanzhongReportDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本地区进行中的远程帮办会话（含受邀的三方连线） */
        get: operations["listSessions"];
        put?: never;
        /**
         * 发起远程帮办会话（从办件发起，或无办件帮办）
         * @description Opens a remote virtual window session (远程帮办). With `caseId` the session is tied to that case (the clerk
         *     must see the case) and its evidence goes into the case's audit trail; without it, it is a walk-in session
         *     (无办件帮办), logged only, which cannot capture materials. Answers the applicant's join link (with a join
         *     token of 192 random bits), a 6-digit join code unique among open sessions, both valid until `expiresAt`
         *     (RW_JOIN_TTL_S), the link as an SVG QR code, and the clerk panel's URL.
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 远程帮办会话详情
         * @description Clerks of the session's region see its join code and link; an invited partner clerk does not.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{sessionId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 结束远程帮办会话
         * @description Ends the session for everyone at once (each participant gets `sessionEnded` and close code 4000).
         */
        post: operations["endSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{sessionId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 邀请办理地工作人员加入（三方连线）
         * @description Invites the clerks of the case's other region (the 办理地, which has authority, when we received the case;
         *     the 收件地 when the case came to us) until the session's join window ends. The invite link carries no
         *     secret: a clerk opening it must log in as a clerk of that region, then asks `issueSessionTicket`.
         */
        post: operations["invitePartnerClerk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{sessionId}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 工作人员进入会话的一次性票据
         * @description For the clerk who opened the session (role `clerk`) or a clerk of the invited partner region (role
         *     `partner_clerk`; without an invitation: 403 INVITATION_REQUIRED). The ticket opens the signalling socket
         *     once, within 60 s. Any body fields (e.g. `invite` from the invite link) are accepted and ignored.
         */
        post: operations["issueSessionTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rw/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申请人凭链接或加入码进入会话（无需登录）
         * @description Public. Trades the join link's token or the 6-digit code for a single-use signalling ticket (60 s); the
         *     applicant then waits in the waiting room until the clerk admits them. Guessing is slowed: after 5 wrong
         *     codes in a minute from one client IP, and after 60 wrong codes in a minute from everyone, code attempts
         *     get 429 RATE_LIMITED with `Retry-After`; a session accepts at most 20 joins a minute. A wrong code or
         *     unknown token is 404 JOIN_CODE_INVALID; a code or link past its `expiresAt` is 410 JOIN_EXPIRED.
         */
        post: operations["joinSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ready"];
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
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getContract"];
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
        /**
         * @description every error code the gateway answers with (see the table in info.description)
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "MALFORMED_JSON" | "MULTIPART_MALFORMED" | "HTTP_MALFORMED" | "HEADERS_TOO_LARGE" | "MEDIA_TYPE_UNSUPPORTED" | "METHOD_NOT_ALLOWED" | "SERVER_BUSY" | "ID_NUMBER_INVALID" | "CREDIT_CODE_INVALID" | "REGION_CODE_INVALID" | "UNKNOWN_ITEM" | "ITEM_NOT_AGREED" | "ITEM_AMBIGUOUS" | "MATERIALS_MISSING" | "MATERIAL_UNKNOWN" | "MATERIAL_TYPE_UNSUPPORTED" | "PAYLOAD_TOO_LARGE" | "AUTH_REQUIRED" | "INVALID_CREDENTIALS" | "TOKEN_INVALID" | "FORBIDDEN" | "CASE_OUT_OF_REGION" | "CASE_NOT_FOUND" | "HANDOFF_NOT_FOUND" | "NOT_FOUND" | "ILLEGAL_TRANSITION" | "HANDOFF_NOT_DEAD" | "WITHDRAWAL_EXISTS" | "WITHDRAWAL_UNSUPPORTED" | "SUPPLEMENT_UNSUPPORTED" | "CONCURRENT_UPDATE" | "IDEMPOTENCY_CONFLICT" | "PARTNER_UNKNOWN" | "SIGNATURE_INVALID" | "TIMESTAMP_STALE" | "NONCE_REPLAYED" | "RATE_LIMITED" | "PARTNER_UNAVAILABLE" | "PARTNER_REJECTED" | "PARTNER_CONTRACT_VIOLATION" | "NOT_READY" | "INTERNAL" | "DOCUMENT_NOT_FOUND" | "ANCHOR_NOT_FOUND" | "DOCUMENT_NOT_REPRINTABLE" | "DOCUMENT_NOT_PDF" | "DOCUMENT_INTEGRITY_FAILED" | "SESSION_NOT_FOUND" | "SESSION_ENDED" | "SESSION_WITHOUT_CASE" | "INVITATION_REQUIRED" | "JOIN_CODE_INVALID" | "JOIN_EXPIRED" | "REMOTE_WINDOW_DISABLED" | "SESSION_HOST_UNAVAILABLE";
        CreateSessionRequest: {
            /** @description the case to assist with; absent for a walk-in (无办件帮办) */
            caseId?: string;
        };
        CreatedSession: {
            /** Format: uuid */
            sessionId: string;
            caseId?: string;
            caseNo?: string;
            /** @description <RW_PUBLIC_URL>/rw/j/<joinToken> */
            joinUrl: string;
            /** @description 6-digit join code */
            code: string;
            /**
             * Format: date-time
             * @description the join link and code expire then
             */
            expiresAt: string;
            /** @description SVG of a QR code of joinUrl */
            qrSvg: string;
            clerkPanelUrl: string;
        };
        SessionView: {
            sessionId: string;
            /** @enum {string} */
            status: "open" | "ended";
            walkIn: boolean;
            caseId: string | null;
            caseNo: string | null;
            itemName?: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: {
                username?: string;
                name?: string;
                region?: components["schemas"]["RegionCode"];
            };
            /** Format: date-time */
            expiresAt: string;
            /** @description only for clerks of the session's own region */
            code?: string;
            /** @description only for clerks of the session's own region */
            joinUrl?: string;
            clerkPanelUrl: string;
            invitedRegions: components["schemas"]["RegionCode"][];
            participants: {
                participantId: string;
                /** @enum {string} */
                role: "clerk" | "applicant" | "partner_clerk";
                displayName: string;
                /** @enum {string} */
                state: "waiting" | "admitted" | "reconnecting" | "left";
                /** @enum {string|null} */
                device?: "phone" | "pc" | null;
                /** Format: date-time */
                joinedAt?: string;
            }[];
        };
        SessionTicket: {
            ticket: string;
            wsUrl: string;
            /** @enum {string} */
            role: "clerk" | "partner_clerk";
            /** Format: date-time */
            expiresAt: string;
        };
        JoinSessionRequest: {
            code?: string;
            joinToken?: string;
            /** @description how the clerk sees the applicant (no ID number) */
            displayName: string;
            /** @enum {string} */
            device?: "phone" | "pc";
        } & (unknown | unknown);
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description the request id */
            instance: string;
            code: components["schemas"]["ErrorCode"];
            errors?: {
                field: string;
                message: string;
            }[];
        };
        /** @description GB/T 2260 行政区划代码 */
        RegionCode: string;
        /**
         * @description 草稿, 已收件, 已转递, 已受理, 需补正, 办结, 不予受理, 已撤回, 已送达
         * @enum {string}
         */
        CaseStatus: "draft" | "received" | "forwarded" | "accepted" | "needs_supplement" | "completed" | "rejected" | "withdrawn" | "delivered";
        /** @enum {string} */
        HandoffStatus: "pending" | "delivered" | "dead" | "cancelled";
        /**
         * @description GA/T 2000.156 证件类型 (111 居民身份证 … 990 其他; organisations use 990 with the 统一社会信用代码)
         * @enum {string}
         */
        IdType: "111" | "112" | "113" | "414" | "511" | "516" | "553" | "990";
        LoginRequest: {
            username: string;
            password: string;
        };
        LoginResponse: {
            token: string;
            /** @constant */
            tokenType: "Bearer";
            /** Format: date-time */
            expiresAt: string;
            clerk: components["schemas"]["Clerk"];
        };
        Clerk: {
            username: string;
            displayName: string;
            region: components["schemas"]["RegionCode"];
            window: string;
            roles: ("clerk" | "operator" | "partner_clerk")[];
        };
        Partner: {
            region: components["schemas"]["RegionCode"];
            /** @description e.g. 上海市徐汇区 */
            name: string;
            /** @description what the region's contract offers; a console offers a clerk only that */
            capabilities: {
                /** @description the region asks for 补齐补正 and takes a supplement step */
                supplement: boolean;
                /** @description 撤件 through its cancel operation (withdrawHandedOffCase) */
                cancel: boolean;
                /**
                 * @description how the status of cases we hand it comes back
                 * @enum {string}
                 */
                statusBy: "callback" | "polling";
                /**
                 * @description how our decisions on cases it hands us reach it
                 * @enum {string}
                 */
                reportsBy: "push" | "poll";
                /**
                 * @description result documents inline or by URL
                 * @enum {string}
                 */
                results: "inline" | "reference";
            };
        };
        ServiceItem: {
            /** @description 事项基本编码 */
            itemCode: string;
            /** @description 实施编码 */
            implementationCode: string;
            name: string;
            partner: components["schemas"]["RegionCode"];
            department?: string;
            mode?: string;
            /**
             * @description 办件类型
             * @enum {string}
             */
            kind: "1" | "2" | "9";
            /** @description 承诺办结时限（工作日） */
            promisedDays: number;
            applicantKinds?: ("person" | "organization")[];
            materials: {
                code: string;
                name: string;
                required: boolean;
                note?: string;
            }[];
            resultDelivery?: ("post" | "electronic")[];
        };
        ApplicantInput: {
            /** @enum {string} */
            kind: "person" | "organization";
            /** @description 申请人姓名 / 单位名称 */
            name: string;
            idType: components["schemas"]["IdType"];
            /** @description 证件号码 */
            idNumber: string;
            /** @description 联系电话 */
            phone: string;
            address?: string;
            /** @description 经办人 / 法定代表人 */
            agentName?: string;
        };
        DeliveryInput: {
            /** @description 是否快递寄送结果 */
            byPost: boolean;
            address?: string;
            /** @description 网络送达 */
            electronic?: boolean;
        };
        CreateCaseRequest: {
            /** @description 事项基本编码 (or 实施编码) */
            itemCode: string;
            /** @description the region that decides the item (办理地); needed when more than one offers the itemCode */
            partner?: components["schemas"]["RegionCode"];
            applicant: components["schemas"]["ApplicantInput"];
            /**
             * @description 办理形式 (default 1 窗口)
             * @enum {string}
             */
            handlingForm?: "1" | "2" | "3" | "4" | "9";
            delivery: components["schemas"]["DeliveryInput"];
        };
        Material: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            sha256: string;
            /**
             * @description absent for a scan; remote_capture: a still taken in a 远程帮办 session with the applicant's consent
             * @enum {string}
             */
            source?: "remote_capture";
            pages: number;
            /** Format: date-time */
            addedAt?: string;
            addedBy?: string;
        };
        HandoffJob: {
            /** Format: uuid */
            id: string;
            partner: components["schemas"]["RegionCode"];
            /** @description 'submit' or 'supplement-N'; for an inbound case the report of a decision: 'report-accepted', 'report-supplement-N', 'report-rejected', 'report-completed', 'report-delivered' */
            step: string;
            status: components["schemas"]["HandoffStatus"];
            attempts: number;
            maxAttempts: number;
            /** Format: date-time */
            nextAttemptAt?: string | null;
            /** Format: date-time */
            deliveredAt?: string | null;
            lastError?: null | {
                code: string;
                message: string;
                /** Format: date-time */
                at: string;
            };
        };
        /** @description a case as a clerk sees it; ID and phone numbers are masked */
        Case: {
            /** Format: uuid */
            id: string;
            /** @description 办件编号 */
            caseNo: string;
            /** @enum {string} */
            direction: "outbound" | "inbound";
            itemCode: string;
            implementationCode?: string;
            itemName: string;
            /** @enum {string} */
            kind?: "1" | "2" | "9";
            /** @enum {string} */
            handlingForm?: "1" | "2" | "3" | "4" | "9";
            acceptRegion: components["schemas"]["RegionCode"];
            acceptRegionName?: string | null;
            handlingRegion: components["schemas"]["RegionCode"];
            handlingRegionName?: string | null;
            partner: components["schemas"]["RegionCode"];
            /** @description the partner's own case id */
            partnerRef?: string | null;
            status: components["schemas"]["CaseStatus"];
            statusLabel: string;
            applicant: {
                /** @enum {string} */
                kind: "person" | "organization";
                name: string;
                idType: components["schemas"]["IdType"];
                idTypeLabel?: string;
                /** @example 3306**********1233 */
                idNumberMasked: string;
                /** @example 138****5678 */
                phoneMasked: string;
            };
            materials: components["schemas"]["Material"][];
            promisedDays?: number;
            /**
             * Format: date-time
             * @description 承诺办结时间
             */
            promisedAt?: string | null;
            /** @description working days left until 承诺办结时间 (negative when overdue) */
            workingDaysLeft?: number | null;
            /** @description years without an official holiday list in the gateway's calendar that the 承诺办结时间 or the working days left were counted through (by weekends only): provisional until an operator adds those years (WORK_CALENDAR_DIR); empty when certain */
            deadlineProvisionalYears?: number[];
            /** @description past its 承诺办结时间 and not yet 办结 */
            overdue?: boolean;
            delivery?: {
                byPost?: boolean;
                electronic?: boolean;
                trackingNo?: string | null;
            };
            result?: null | {
                documentName: string;
                certificateNo?: string | null;
                completedAt: string;
                document?: null | {
                    fileName?: string;
                    mediaType?: string;
                    size?: number;
                    sha256?: string;
                };
                delivery?: null | {
                    byPost?: boolean;
                    /** @description 物流单号 */
                    trackingNo?: string | null;
                };
            };
            supplement?: null | {
                missing?: string[];
                note?: string | null;
                requestedAt?: string;
            };
            rejection?: null | {
                reason?: string;
                /** @description inbound cases - the legal basis of our 不予受理 */
                legalBasis?: string | null;
                at?: string;
            };
            /** @description 撤件 of a case the partner region already has (withdrawHandedOffCase): `requested` while the partner's cancel operation is queued or retried, then its answer: `withdrawn` (the case is 已撤回 on both sides) or `refused` (the partner had already decided; the case keeps its decision) */
            withdrawal?: null | {
                /** @enum {string} */
                state: "requested" | "withdrawn" | "refused";
                reason: string;
                /** Format: date-time */
                requestedAt: string;
                /** Format: date-time */
                answeredAt?: string | null;
                /** @description the partner's reason for refusing */
                refusal?: string | null;
            };
            /** @description inbound cases - our decisions, oldest first, each reported to the sending region by its step */
            decisions?: {
                /** @example report-accepted */
                step: string;
                /** @enum {string} */
                decision: "accepted" | "needs_supplement" | "rejected" | "completed" | "delivered";
                /** Format: date-time */
                at: string;
                department: string;
                clerk: string;
            }[];
            handoffs: components["schemas"]["HandoffJob"][];
            /** @description inbound cases - the partner's 办件编号 */
            partnerCaseNo?: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy?: string;
            /** Format: date-time */
            submittedAt?: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        CaseSummary: {
            /** Format: uuid */
            id: string;
            caseNo: string;
            /** @enum {string} */
            direction?: "outbound" | "inbound";
            itemCode?: string;
            itemName: string;
            status: components["schemas"]["CaseStatus"];
            statusLabel: string;
            partner: components["schemas"]["RegionCode"];
            acceptRegion?: components["schemas"]["RegionCode"];
            handlingRegion?: components["schemas"]["RegionCode"];
            /** Format: date-time */
            promisedAt?: string | null;
            workingDaysLeft?: number | null;
            /** @description see Case */
            deadlineProvisionalYears?: number[];
            /** @description past its 承诺办结时间 and not yet 办结 */
            overdue?: boolean;
            handoffStatus?: null | components["schemas"]["HandoffStatus"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        TimelineEntry: {
            seq: number;
            /** Format: date-time */
            at: string;
            /** @description 'clerk:<username>', 'partner:<region>' or 'system' */
            actor: string;
            type: string;
            label: string;
            /** @description facts of the event; request and response bodies only as SHA-256 */
            data: Record<string, never>;
        };
        /**
         * @description 受理回执（收件凭证）, 材料流转单, 补齐补正通知书, 办结通知, 送达回执; as 办理地 also 受理通知书, 不予受理通知书
         * @enum {string}
         */
        DocumentType: "acceptance_receipt" | "transfer_sheet" | "supplement_notice" | "completion_notice" | "delivery_receipt" | "acceptance_notice" | "rejection_notice";
        CaseDocument: {
            id: string;
            type: components["schemas"]["DocumentType"] | "partner_result";
            title: string;
            /**
             * @description signed by this gateway
             * @enum {string}
             */
            source: "gateway" | "partner";
            fileName: string;
            mediaType: string;
            size: number;
            sha256: string;
            pages?: number | null;
            /**
             * Format: date-time
             * @description when the original was issued (a 副本 keeps its original's)
             */
            issuedAt: string;
            /** @description the signing key */
            keyId?: string | null;
            signed: boolean;
            copy: null | {
                originalId: string;
                reprintNo: number;
                /** Format: date-time */
                printedAt: string;
                /** @description the clerk's username */
                printedBy: string;
            };
            reprintable: boolean;
            /** @description where to download it */
            href: string;
        };
        DocumentList: {
            /** Format: uuid */
            caseId: string;
            caseNo: string;
            items: components["schemas"]["CaseDocument"][];
        };
        SigningKeys: {
            /** @description id of the key new documents are signed with */
            current: string;
            /** @constant */
            scheme: "KYTB-DOC-SIG/1";
            keys: {
                keyId: string;
                /** @constant */
                alg: "Ed25519";
                /** @description SPKI PEM */
                publicKeyPem: string;
                /** @description RFC 8037 OKP key: { kty: OKP, crv: Ed25519, x, kid, alg: EdDSA, use: sig } */
                jwk: Record<string, never>;
            }[];
        };
        ReceiptVerdict: {
            genuine: boolean;
            /**
             * @description why not: no signature of ours; a malformed or second signature dictionary; bytes appended,
             *     cut or moved; signed with a key that is not ours; the signed facts edited; any other byte changed
             */
            reason: null | ("NO_SIGNATURE" | "SIGNATURE_MALFORMED" | "BYTE_RANGE_MISMATCH" | "UNKNOWN_KEY" | "FACTS_ALTERED" | "CONTENT_ALTERED");
            /** @description the reason in Chinese */
            reasonText: string | null;
            keyId: string | null;
            documentId: string | null;
            documentType: null | components["schemas"]["DocumentType"];
            caseId: string | null;
            caseNo: string | null;
            /** Format: date-time */
            issuedAt: string | null;
            /** @description a 副本 (reprint) */
            copy: boolean | null;
            reprintNo: number | null;
            /** Format: date-time */
            printedAt: string | null;
        };
        PublicCaseStatus: {
            caseNo: string;
            itemName: string;
            status: components["schemas"]["CaseStatus"];
            statusLabel: string;
            acceptRegionName?: string;
            handlingRegionName?: string;
            /** Format: date-time */
            submittedAt?: string | null;
            /**
             * Format: date-time
             * @description 承诺办结时间
             */
            promisedAt?: string | null;
            workingDaysLeft?: number | null;
            /** @description the 承诺办结时间 was counted through a year whose official holiday list the calendar lacks: it may still change */
            deadlineProvisional?: boolean;
            supplement?: null | {
                missing?: string[];
                requestedAt?: string;
            };
            /** @description 撤件 of a case the partner region had (see withdrawHandedOffCase), in words for the applicant */
            withdrawal?: null | {
                /** @enum {string} */
                state?: "requested" | "withdrawn" | "refused";
                stateLabel?: string;
                requestedAt?: string;
                answeredAt?: string | null;
            };
            result?: null | {
                documentName?: string;
                completedAt?: string;
                delivery?: string;
            };
            progress: {
                /** Format: date-time */
                at: string;
                status: string;
                label: string;
            }[];
            /** Format: date-time */
            updatedAt: string;
        };
        AuditVerdict: {
            /** Format: uuid */
            caseId: string;
            caseNo?: string;
            ok: boolean;
            entries: number;
            /** @description hash of the last entry */
            head: string;
            firstBadSeq?: number | null;
            reason?: string | null;
            /** @description the head the latest anchor holding this case states (null until its first anchor) */
            anchor?: null | {
                /** @description the anchor record's number */
                n: number;
                /** Format: date-time */
                at: string;
                seq: number;
                hash: string;
            };
            anchorLogBroken?: components["schemas"]["AnchorLogBroken"];
        };
        /** @description where and why the anchor log failed its check at start (null when it is sound) */
        AnchorLogBroken: null | {
            n: number;
            reason: string;
        };
        AuditAnchorSummary: {
            n: number;
            /** Format: date-time */
            at: string;
            /** @description hash of record n - 1 (64 zeros for the first) */
            prev: string;
            /** @description SHA-256 of the record's canonical JSON (n */
            hash: string;
            /** @description the signing key (getReceiptSigningKeys) */
            keyId: string;
            /** @description Ed25519 signature over the 32 bytes of hash */
            sig: string;
            /** @description chain heads in this record */
            cases: number;
        };
        AuditAnchorStatus: {
            latest: null | components["schemas"]["AuditAnchorSummary"];
            broken: components["schemas"]["AnchorLogBroken"];
            /** @description heads noted since the latest anchor */
            pending: number;
        };
        InboundCase: {
            /** @description the partner's 办件编号 */
            partnerCaseNo: string;
            /** @description 事项基本编码 */
            itemCode: string;
            /** @description 实施编码 */
            implementationCode?: string;
            itemName: string;
            /** @enum {string} */
            kind: "1" | "2" | "9";
            /** @enum {string} */
            handlingForm: "1" | "2" | "3" | "4" | "9";
            acceptRegion: components["schemas"]["RegionCode"];
            applicant: components["schemas"]["ApplicantInput"];
            materials: components["schemas"]["InboundMaterials"];
            promisedDays: number;
            delivery: components["schemas"]["DeliveryInput"];
            /** Format: date-time */
            receivedAt: string;
        };
        InboundMaterials: {
            code: string;
            name: string;
            fileName: string;
            contentBase64: string;
            sha256: string;
        }[];
        InboundSupplement: {
            materials: components["schemas"]["InboundMaterials"];
            /** @description 补正说明 */
            note?: string;
        };
        InboundSupplementReceipt: {
            /** Format: uuid */
            caseId: string;
            /** @description our 办件编号 */
            caseNo: string;
            partnerCaseNo: string;
            status: components["schemas"]["CaseStatus"];
            /** @description which of our 补正 requests this answers */
            round: number;
            /** Format: date-time */
            receivedAt: string;
        };
        InboundSupplementRequest: {
            /** @description every material that is missing or must be corrected (一次性告知) */
            missing: {
                /** @description the item's material code */
                code?: string;
                /** @description 材料名称及要求 */
                name: string;
            }[];
            /** @description 补正理由 */
            reason: string;
        };
        InboundRejection: {
            /** @description 不予受理的理由 */
            reason: string;
            /** @description 法律依据 */
            legalBasis: string;
        };
        InboundDeliveryRecord: {
            /**
             * @description 邮寄 / 网络送达 / 窗口领取
             * @enum {string}
             */
            method: "post" | "electronic" | "window";
            /** @description 物流单号 (required for post) */
            trackingNo?: string;
        };
        InboundReceipt: {
            /** Format: uuid */
            caseId: string;
            /** @description our 办件编号 */
            caseNo: string;
            partnerCaseNo: string;
            status: components["schemas"]["CaseStatus"];
            /** Format: date-time */
            receivedAt: string;
        };
        XuhuiStatusNotification: {
            /** @description 事件唯一标识，重复推送不变 */
            eventId: string;
            /** @enum {string} */
            eventType: "application.received" | "application.accepted" | "application.supplement_required" | "application.supplemented" | "application.completed" | "application.rejected";
            /**
             * Format: date-time
             * @description ISO 8601，平台输出为北京时间 `+08:00`，秒级精度
             */
            occurredAt: string;
            /** @description 徐汇区申报流水号：XH + yyyyMMddHHmmss + 6 位序号 */
            applicationId: string;
            /** @description 收件地办件编号（GB/T 39046 办件编号，≤50） */
            externalCaseNo: string;
            /**
             * @description 徐汇区办件状态：RECEIVED 已接收待预审；ACCEPTED 已受理；SUPPLEMENT_REQUIRED 需补齐补正；
             *     SUPPLEMENTED 已补正待复审；COMPLETED 已办结；REJECTED 不予受理
             * @enum {string}
             */
            status: "RECEIVED" | "ACCEPTED" | "SUPPLEMENT_REQUIRED" | "SUPPLEMENTED" | "COMPLETED" | "REJECTED";
            /** @description 补齐补正告知 */
            supplement?: {
                items: {
                    materialName: string;
                    reason?: string;
                }[];
                note?: string;
            };
            /** @description 不予受理决定 */
            rejection?: {
                reasonCode?: string;
                reason: string;
            };
            /** @description 办结结果 */
            result?: {
                /** @description 结果文书 / 证照名称 */
                documentName: string;
                /** @description 证照编号 */
                certificateNo?: string;
                document: {
                    fileName: string;
                    /** @enum {string} */
                    mediaType: "application/pdf" | "application/ofd";
                    contentBase64: string;
                    /** @description 小写十六进制 SHA-256 */
                    sha256: string;
                };
                delivery: {
                    /** @enum {string} */
                    method: "EXPRESS" | "ELECTRONIC" | "WINDOW_PICKUP";
                    expressCompany?: string;
                    /** @description 物流单号 */
                    trackingNo?: string;
                };
            };
        } & (unknown & unknown & unknown);
        XiamenStatusNotification: {
            /** @description 通知标识，每次发送不同 */
            notify_id: string;
            /** @description 北京时间 yyyy-MM-dd HH:mm:ss */
            notify_time: string;
            /** @constant */
            notify_type: "gov_kstb_case_status";
            /** @description 接收方应用标识 */
            app_id: string;
            /** @constant */
            charset: "utf-8";
            /** @constant */
            version: "1.0";
            /** @constant */
            sign_type: "RSA2";
            /** @description Base64 的 SHA256WithRSA 签名 */
            sign: string;
            /** @description 状态变更标识，重发时不变 */
            event_id: string;
            /** @description 平台办件号（XM + 日期 8 位 + 序号 10 位） */
            platform_case_no: string;
            /** @description 接入方（收件地）办件编号 */
            case_no: string;
            /**
             * @description 受理、办结、不予受理
             * @enum {string}
             */
            status: "ACCEPTED" | "FINISHED" | "REJECTED";
            /** @description 北京时间 yyyy-MM-dd HH:mm:ss */
            status_time: string;
            reject_reason?: string;
            result_name?: string;
            cert_no?: string;
            /** @enum {string} */
            delivery_type?: "EXPRESS" | "ONLINE" | "WINDOW";
            express_no?: string;
            /**
             * Format: uri
             * @description 结果文书下载地址（办结时）
             */
            result_url?: string;
            result_sha256?: string;
            result_file_name?: string;
            /** @enum {string} */
            result_file_type?: "PDF" | "OFD";
        };
        NingxiaStatusCallback: {
            /** @description 推送报文头（平台→接入方） */
            head: {
                /** @constant */
                version: "1.0";
                /** @constant */
                sender: "640000";
                /** @description GB/T 2260 行政区划代码（节点编码） */
                receiver: string;
                /** @constant */
                bizCode: "KYTB2001";
                /** @description 报文流水号，每条报文唯一 */
                serial: string;
                /** @description 北京时间（UTC+8）yyyy-MM-dd HH:mm:ss */
                time: string;
                /** @description 小写十六进制 HMAC-SHA256 */
                sign: string;
            };
            body: {
                /** @description 事件编号：每次状态变更唯一，重推不变 */
                sjbh: string;
                /** @description 平台申报编号 */
                sbbh: string;
                /** @description 办件编号（GB/T 39046，≤50），收件地编号 */
                bjbh: string;
                /**
                 * @description 办件状态代码
                 * @enum {string}
                 */
                ztdm: "01" | "02" | "03" | "04" | "05";
                /** @description 状态名称 */
                ztmc: string;
                /** @description 北京时间（UTC+8）yyyy-MM-dd HH:mm:ss */
                bgsj: string;
                /** @description 需补正材料（ztdm=03） */
                bzcl?: string[];
                /** @description 补正说明 */
                bzsm?: string;
                /** @description 不予受理原因（ztdm=05） */
                byslyy?: string;
                /** @description 办结结果 */
                bjjg?: {
                    /** @description 结果文书/证照名称 */
                    jgmc: string;
                    /** @description 结果证照编号 */
                    zzbh?: string;
                    /**
                     * @description 送达方式 1 邮寄 2 电子送达 3 窗口领取
                     * @enum {string}
                     */
                    sdfs: "1" | "2" | "3";
                    /** @description 物流单号（邮寄时） */
                    kddh?: string;
                    /** @description 结果文书（内联） */
                    jgwj?: {
                        wjm: string;
                        /** @enum {string} */
                        wjlx: "pdf" | "ofd" | "jpg" | "png";
                        wjnr: string;
                        sha256: string;
                    };
                };
            } & (unknown & unknown & unknown);
        };
    };
    responses: {
        /** @description invalid request */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description not authenticated */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description not allowed */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description not found */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description conflict with the current state */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description too large */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description unsupported file type */
        UnsupportedType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description well-formed but wrong */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description rate limited */
        TooManyRequests: {
            headers: {
                /** @description seconds to wait */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description no longer available */
        Gone: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description service unavailable (NOT_READY, SERVER_BUSY with Retry-After, REMOTE_WINDOW_DISABLED, SESSION_HOST_UNAVAILABLE with Retry-After) */
        Unavailable: {
            headers: {
                /** @description seconds to wait (SERVER_BUSY */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description refused in the partner's own style (for 汉中 `{ code, msg, data }` with its 返回码), not problem+json; nothing was done */
        PartnerStyleRefusal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    code: string;
                    msg: string;
                    data?: unknown;
                };
            };
        };
        /** @description the path exists, not with this method */
        MethodNotAllowed: {
            headers: {
                /** @description the methods the path takes */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        CaseId: string;
        /** @description a document's id (`CaseDocument.id`), or a document type for its latest original */
        DocumentId: string;
        AppId: string;
        Timestamp: string;
        Nonce: string;
        Signature: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description a session token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listItems: {
        parameters: {
            query?: {
                /** @description only the items decided by this region */
                partner?: components["schemas"]["RegionCode"];
                /** @description part of the name or code */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description catalog items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ServiceItem"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getItem: {
        parameters: {
            query?: {
                /** @description the region that decides the item (办理地) */
                partner?: components["schemas"]["RegionCode"];
            };
            header?: never;
            path: {
                /** @description 事项基本编码 or 实施编码 */
                itemCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the item */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItem"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Unprocessable"];
        };
    };
    listPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the partner regions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        partners: components["schemas"]["Partner"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listCases: {
        parameters: {
            query?: {
                /**
                 * @description comma-separated CaseStatus values
                 * @example received,forwarded
                 */
                status?: string;
                partner?: components["schemas"]["RegionCode"];
                /** @description `inbound` - the cases partner regions hand us (with `status=received`, the 待受理 queue) */
                direction?: "inbound" | "outbound";
                /** @description `dead` lists the dead letters */
                handoffStatus?: components["schemas"]["HandoffStatus"];
                /** @description 承诺办结时间 at or before */
                deadlineBefore?: string;
                /** @description part of the 办件编号 */
                caseNo?: string;
                /**
                 * @description the applicant's full 证件号码 (公民身份号码, 统一社会信用代码 …; case does not matter): only the cases
                 *     of that applicant. The gateway keeps no plain ID numbers it could search: it compares a keyed hash
                 *     (HMAC-SHA256) of this value with the one stored with each case, and logs and stores neither.
                 */
                idNumber?: string;
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["CaseSummary"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createCase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseRequest"];
            };
        };
        responses: {
            /** @description the new case */
            201: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Unprocessable"];
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the case (personal data masked) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    addMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    code: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description the material */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Material"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    downloadMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                materialId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the file as uploaded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    downloadResultDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the partner's result document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    submitCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 已收件; the handoff is queued (see `handoffs`) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    withdrawCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 已撤回 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    withdrawHandedOffCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 申请人撤件理由 */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description 撤件申请已记录，正在发往办理地 (see `withdrawal`) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    deliverResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 窗口领取 / 快递寄送 / 网络送达
                     * @enum {string}
                     */
                    method: "window" | "post" | "electronic";
                    /** @description 物流单号 (required for post) */
                    trackingNo?: string;
                };
            };
        };
        responses: {
            /** @description 已送达 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    acceptInboundCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the case after the decision; its report to the sending region is queued (see `handoffs`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
        };
    };
    requestInboundSupplement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundSupplementRequest"];
            };
        };
        responses: {
            /** @description the case after the decision; its report to the sending region is queued (see `handoffs`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
        };
    };
    rejectInboundCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundRejection"];
            };
        };
        responses: {
            /** @description the case after the decision; its report to the sending region is queued (see `handoffs`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
        };
    };
    completeInboundCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description 结果文书 (PDF)
                     */
                    file?: string;
                    /** @description 结果文书/证照名称 */
                    documentName: string;
                    /** @description 结果证照编号 (电子证照) */
                    certificateNo?: string;
                    /**
                     * @description 邮寄 / 网络送达
                     * @enum {string}
                     */
                    deliveryMethod: "post" | "electronic";
                    /** @description 物流单号 (required for post) */
                    trackingNo?: string;
                };
            };
        };
        responses: {
            /** @description the case after the decision; its report to the sending region is queued (see `handoffs`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
        };
    };
    recordInboundDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundDeliveryRecord"];
            };
        };
        responses: {
            /** @description the case after the decision; its report to the sending region is queued (see `handoffs`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
        };
    };
    getCaseTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every event of the case, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        caseId: string;
                        caseNo: string;
                        events: components["schemas"]["TimelineEntry"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    retryHandoff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    verifyCaseAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the verdict */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerdict"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getAuditAnchor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the latest anchor, if any, and the log's state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnchorStatus"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    streamCaseEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the stream, open until the client or a stopping gateway ends it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    exportAuditAnchorLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/jsonl": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getAuditAnchorRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                n: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the record, its cases counted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnchorSummary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listCaseDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    downloadCaseDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                /** @description a document's id (`CaseDocument.id`), or a document type for its latest original */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the PDF (or the partner's result document in its own type) */
            200: {
                headers: {
                    "X-Document-Id"?: string;
                    "X-Content-SHA256"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    reprintCaseDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: components["parameters"]["CaseId"];
                /** @description a document's id (`CaseDocument.id`), or a document type for its latest original */
                documentId: components["parameters"]["DocumentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the 副本 */
            201: {
                headers: {
                    /** @description where to download it again */
                    Location?: string;
                    "X-Document-Id"?: string;
                    "X-Reprint-No"?: number;
                    "X-Content-SHA256"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            /** @description the stored original failed its signature check (DOCUMENT_INTEGRITY_FAILED) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReceiptSigningKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the public key(s) documents are signed with */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeys"];
                };
            };
        };
    };
    verifyReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            /** @description the verdict */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptVerdict"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
        };
    };
    getPublicCaseStatus: {
        parameters: {
            query: {
                /** @description 查询码 printed on the 受理回执 */
                code: string;
            };
            header?: never;
            path: {
                /** @description 办件编号 */
                caseNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the case's progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicCaseStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
    receiveCase: {
        parameters: {
            query?: never;
            header: {
                "Idempotency-Key": string;
                "X-App-Id": components["parameters"]["AppId"];
                "X-Timestamp": components["parameters"]["Timestamp"];
                "X-Nonce": components["parameters"]["Nonce"];
                "X-Signature": components["parameters"]["Signature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundCase"];
            };
        };
        responses: {
            /** @description received (or the original answer to a repeated request) */
            201: {
                headers: {
                    "Idempotent-Replayed"?: "true" | "false";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            422: components["responses"]["Unprocessable"];
        };
    };
    supplyInboundMaterials: {
        parameters: {
            query?: never;
            header: {
                "Idempotency-Key": string;
                "X-App-Id": components["parameters"]["AppId"];
                "X-Timestamp": components["parameters"]["Timestamp"];
                "X-Nonce": components["parameters"]["Nonce"];
                "X-Signature": components["parameters"]["Signature"];
            };
            path: {
                /** @description the partner's 办件编号 */
                partnerCaseNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InboundSupplement"];
            };
        };
        responses: {
            /** @description received; the case waits for its decision again (or the original answer to a repeated request) */
            201: {
                headers: {
                    "Idempotent-Replayed"?: "true" | "false";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundSupplementReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedType"];
            503: components["responses"]["Unavailable"];
        };
    };
    receiveXuhuiStatus: {
        parameters: {
            query?: never;
            header: {
                "X-Xh-Timestamp": string;
                "X-Xh-Nonce": string;
                "X-Xh-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["XuhuiStatusNotification"];
            };
        };
        responses: {
            /** @description received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    receiveNingxiaCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NingxiaStatusCallback"];
            };
        };
        responses: {
            /** @description received (reply envelope) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    receiveXiamenNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["XiamenStatusNotification"];
            };
        };
        responses: {
            /** @description received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "success";
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    pollHanzhongReports: {
        parameters: {
            query?: never;
            header: {
                appKey: string;
                timestamp: string;
                nonce: string;
                sign: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bjbh: string;
                };
            };
        };
        responses: {
            /** @description `code` 0 with the 流水记录, or 3004 (汉中 handed us no such case) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["PartnerStyleRefusal"];
            401: components["responses"]["PartnerStyleRefusal"];
            413: components["responses"]["PartnerStyleRefusal"];
            503: components["responses"]["PartnerStyleRefusal"];
        };
    };
    downloadHanzhongReportDocument: {
        parameters: {
            query?: never;
            header: {
                appKey: string;
                timestamp: string;
                nonce: string;
                sign: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bjbh: string;
                    wjbh: string;
                };
            };
        };
        responses: {
            /** @description `code` 0 with the file, 3004 (no such case) or 3007 (no such document) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["PartnerStyleRefusal"];
            401: components["responses"]["PartnerStyleRefusal"];
            413: components["responses"]["PartnerStyleRefusal"];
            503: components["responses"]["PartnerStyleRefusal"];
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description open sessions of the clerk's region, and those its clerks are invited to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SessionView"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateSessionRequest"];
            };
        };
        responses: {
            /** @description the new session */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        /** @constant */
                        status: "ended";
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    invitePartnerClerk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the invitation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: components["schemas"]["RegionCode"];
                        inviteUrl: string;
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    issueSessionTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description a single-use ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionTicket"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            503: components["responses"]["Unavailable"];
        };
    };
    joinSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinSessionRequest"];
            };
        };
        responses: {
            /** @description a single-use ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        ticket: string;
                        /** @description ws URL of `/rw/ws` with `?ticket=` */
                        wsUrl: string;
                        /**
                         * Format: date-time
                         * @description the ticket's expiry
                         */
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["Gone"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status?: string;
                    };
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description starting or stopping */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description this document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
        };
    };
}
