/**
 * GENERATED FILE: do not edit. Source: contracts/partners/310104-xuhui.yaml
 * Regenerate with `npm run contracts:gen`; `npm test` fails when this file is stale.
 */

export interface paths {
    "/oauth2/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 换取访问令牌（客户端凭证模式）
         * @description `client_id` 与 `client_secret` 以 HTTP Basic 方式放在 `Authorization` 头（RFC 6749 §2.3.1，
         *     先 application/x-www-form-urlencoded 编码再 Base64）。凭证错误返回 401 `INVALID_CLIENT`。
         *     注意：本平台错误体统一为 `Error`，不使用 RFC 6749 §5.2 的 `error` 字段。
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传一份申请材料
         * @description 文件仅接受 PDF、JPEG、PNG，单个不超过 20 MB。平台对收到的字节重新计算 SHA-256，与 `sha256`
         *     字段不一致时返回 422 `MATERIAL_HASH_MISMATCH`，材料不入库。返回的 `materialId` 在申报时引用。
         */
        post: operations["uploadMaterial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按收件地办件编号查找申报 */
        get: operations["listApplications"];
        put?: never;
        /**
         * 提交跨域通办申报
         * @description 引用的材料须已通过 `uploadMaterial` 上传，且 `sha256` 与上传时一致，否则返回 422
         *     （`MATERIAL_NOT_FOUND` / `MATERIAL_HASH_MISMATCH`）。成功后办件状态为 `RECEIVED`（已接收，待预审）。
         */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查询申报及其完整状态历史（对账用） */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/supplements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交补齐补正材料
         * @description 仅当办件状态为 `SUPPLEMENT_REQUIRED` 时可提交，否则返回 409 `INVALID_STATE`。`materials` 为补正后的
         *     完整材料清单（平台以此替换原材料清单）。成功后状态为 `SUPPLEMENTED`（已补正，待复审）。
         */
        post: operations["submitSupplement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{applicationId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申请人撤回申报（撤件）
         * @description 申请人在作出决定前撤回申报。办件状态为 `RECEIVED`、`ACCEPTED`、`SUPPLEMENT_REQUIRED` 或 `SUPPLEMENTED`
         *     时撤回成功，状态变为 `WITHDRAWN`（已撤回），此后部门不再作出决定；已办结（`COMPLETED`）或不予受理
         *     （`REJECTED`）的办件不能撤回，返回 409 `ALREADY_DECIDED`，`details` 中给出当前状态。撤回与部门决定以
         *     平台记录的先后为准。同一幂等键重复提交返回首次的应答。撤回不推送回调，也不列入状态历史（历史只记
         *     部门的决定），以本接口的应答和 `getApplication` 的 `status` 为准。
         */
        post: operations["withdrawApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/handovers/{handoverCaseNo}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办理地反馈办理结果（徐汇区转出的办件）
         * @description 徐汇区窗口收件、转交外地办理的办件（徐汇区为收件地），由办理地逐次反馈其决定：受理（`ACCEPTED`，附承诺办结时间）、
         *     补齐补正（`SUPPLEMENT_REQUIRED`，附所缺材料与理由）、不予受理（`REJECTED`，附理由与法律依据）、办结
         *     （`COMPLETED`，附结果与送达方式）、送达（`DELIVERED`）。`handoverCaseNo` 为徐汇区转出时的办件编号。
         *
         *     每次反馈所附文书（受理通知书、补齐补正通知书、不予受理通知书、办结通知、结果文书、送达回执）与申请材料一样，
         *     须先经 `uploadMaterial` 逐份上传（材料编码见 `ReportDocument.documentType`），再在 `documents` 中以 `materialId`
         *     及其 `sha256` 引用；与上传时不一致的拒收（422 `MATERIAL_HASH_MISMATCH` / `MATERIAL_NOT_FOUND`）。
         *     授权与其他接口相同（客户端凭证模式的 Bearer 令牌，办理地使用徐汇区为其分配的同一组 client_id / client_secret）。
         *     必须携带 `Idempotency-Key`：同一键重复提交返回首次应答（`Idempotent-Replayed: true`），不重复记录；
         *     同一键提交不同内容返回 409 `DUPLICATE_CONFLICT`。徐汇区未转出的办件返回 404 `NOT_FOUND`。
         */
        post: operations["reportHandlingResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    applicationStatusChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办件状态变更推送（受理、补正通知、不予受理、办结结果）
         * @description 平台向合作地区登记的回调地址 `POST` 本事件（徐汇区对接诸暨等合作地区时为
         *     `{gatewayBaseUrl}/api/inbound/partners/310104/callback`）。申报和补正的接收（`RECEIVED`、`SUPPLEMENTED`）
         *     已在同步应答中返回，不再推送，但会出现在状态历史中。
         *
         *     签名：`X-Xh-Signature` = hex(HMAC-SHA256(回调密钥, `{X-Xh-Timestamp}.{X-Xh-Nonce}.{原始请求体}`))，
         *     时间戳为 Unix 秒。接收方应以常量时间比较签名，拒绝时间偏差超过 300 秒或重复使用的 nonce。
         *
         *     同一状态变更的重复推送携带相同 `eventId`，接收方据此去重。接收方返回 2xx 即视为送达；
         *     返回 5xx 或超时则按 0.2 秒、1 秒、3 秒、10 秒退避重试；返回 4xx 不再重试。
         */
        post: operations["applicationStatusChanged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Error: {
            /**
             * @description 平台错误码
             * @enum {string}
             */
            code: "INVALID_REQUEST" | "INVALID_CLIENT" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "DUPLICATE_CONFLICT" | "INVALID_STATE" | "ALREADY_DECIDED" | "MATERIAL_HASH_MISMATCH" | "MATERIAL_NOT_FOUND" | "MATERIAL_TYPE_UNSUPPORTED" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
            message: string;
            details?: {
                field: string;
                message: string;
            }[];
            requestId?: string;
        };
        /** @description 小写十六进制 SHA-256 */
        Sha256: string;
        /**
         * Format: date-time
         * @description ISO 8601，平台输出为北京时间 `+08:00`，秒级精度
         */
        DateTime: string;
        /** @description GB/T 2260 行政区划代码 */
        RegionCode: string;
        /** @description 收件地办件编号（GB/T 39046 办件编号，≤50） */
        ExternalCaseNo: string;
        /** @description 徐汇区申报流水号：XH + yyyyMMddHHmmss + 6 位序号 */
        ApplicationId: string;
        MaterialId: string;
        /**
         * @description 徐汇区办件状态：RECEIVED 已接收待预审；ACCEPTED 已受理；SUPPLEMENT_REQUIRED 需补齐补正；
         *     SUPPLEMENTED 已补正待复审；COMPLETED 已办结；REJECTED 不予受理；WITHDRAWN 申请人已撤回
         * @enum {string}
         */
        ApplicationStatus: "RECEIVED" | "ACCEPTED" | "SUPPLEMENT_REQUIRED" | "SUPPLEMENTED" | "COMPLETED" | "REJECTED" | "WITHDRAWN";
        /**
         * @description 状态历史与回调中的状态：收件与部门的决定（撤回不在其中，见 withdrawApplication）
         * @enum {string}
         */
        EventStatus: "RECEIVED" | "ACCEPTED" | "SUPPLEMENT_REQUIRED" | "SUPPLEMENTED" | "COMPLETED" | "REJECTED";
        TokenRequest: {
            /** @constant */
            grant_type: "client_credentials";
            scope?: string;
        };
        TokenResponse: {
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description 有效期（秒） */
            expires_in: number;
            scope?: string;
        };
        MaterialUpload: {
            /** @description 材料文件（PDF、JPEG、PNG，≤20 MB），文件名取自 multipart 部件的 filename */
            file: string;
            sha256: components["schemas"]["Sha256"];
            /** @description 材料编码（事项材料清单的编码；收件地网关随件出具的文书另用 KYTB-SLHZ 受理回执、KYTB-CLLZD 材料流转单，同样校验 SHA-256） */
            materialCode: string;
            /** @description 材料名称 */
            materialName: string;
        };
        MaterialReceipt: {
            materialId: components["schemas"]["MaterialId"];
            sha256: components["schemas"]["Sha256"];
            size: number;
            receivedAt: components["schemas"]["DateTime"];
        };
        MaterialRef: {
            materialId: components["schemas"]["MaterialId"];
            materialCode: string;
            materialName: string;
            sha256: components["schemas"]["Sha256"];
            pages: number;
        };
        Applicant: {
            /**
             * @description NATURAL_PERSON 自然人；LEGAL_PERSON 法人及其他组织
             * @enum {string}
             */
            type: "NATURAL_PERSON" | "LEGAL_PERSON";
            /** @description 申请人姓名 / 单位名称 */
            name: string;
            /**
             * @description 证件类型（徐汇区代码）：ID_CARD 居民身份证；TEMP_ID_CARD 临时居民身份证；HOUSEHOLD_REGISTER 户口簿；
             *     PASSPORT 普通护照；TW_PERMIT 台湾居民来往大陆通行证；HKMO_PERMIT 港澳居民来往内地通行证；
             *     FOREIGN_PR_CARD 外国人永久居留身份证；USCC 统一社会信用代码；OTHER 其他
             * @enum {string}
             */
            idType: "ID_CARD" | "TEMP_ID_CARD" | "HOUSEHOLD_REGISTER" | "PASSPORT" | "TW_PERMIT" | "HKMO_PERMIT" | "FOREIGN_PR_CARD" | "USCC" | "OTHER";
            /** @description 证件号码 */
            idNumber: string;
            /** @description 联系电话 */
            mobile: string;
            /** @description 法定代表人或经办人（法人申请时） */
            agentName?: string;
        };
        ResultDeliveryRequest: {
            /**
             * @description EXPRESS 快递寄送；ELECTRONIC 网络送达；WINDOW_PICKUP 收件地窗口领取
             * @enum {string}
             */
            method: "EXPRESS" | "ELECTRONIC" | "WINDOW_PICKUP";
            /** @description 寄送地址（EXPRESS 时必填） */
            address?: string;
        };
        ApplicationRequest: {
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            /** @description 事项基本编码 */
            itemCode: string;
            /** @description 事项实施编码 */
            implementationCode: string;
            /** @description 事项名称 */
            itemName: string;
            /**
             * @description 办件类型：IMMEDIATE 即办件；PROMISED 承诺件；OTHER 其他
             * @enum {string}
             */
            caseType: "IMMEDIATE" | "PROMISED" | "OTHER";
            /**
             * @description 办理形式：WINDOW 窗口；PC 网上；MOBILE 移动端；EXPRESS 快递；OTHER 其他
             * @enum {string}
             */
            channel: "WINDOW" | "PC" | "MOBILE" | "EXPRESS" | "OTHER";
            acceptRegionCode: components["schemas"]["RegionCode"];
            /** @constant */
            handlingRegionCode: "310104";
            applicant: components["schemas"]["Applicant"];
            materials: components["schemas"]["MaterialRef"][];
            /** @description 承诺办结时限（工作日） */
            promisedDays: number;
            promisedAt: components["schemas"]["DateTime"];
            submittedAt: components["schemas"]["DateTime"];
            resultDelivery: components["schemas"]["ResultDeliveryRequest"];
            acceptingWindow: {
                /** @description 收件窗口 */
                name: string;
                /** @description 受理人姓名 */
                handlerName: string;
            };
        };
        ApplicationReceipt: {
            applicationId: components["schemas"]["ApplicationId"];
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            status: components["schemas"]["ApplicationStatus"];
            receivedAt: components["schemas"]["DateTime"];
        };
        SupplementRequest: {
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            materials: components["schemas"]["MaterialRef"][];
            note?: string;
        };
        SupplementReceipt: {
            applicationId: components["schemas"]["ApplicationId"];
            supplementId: string;
            status: components["schemas"]["ApplicationStatus"];
            receivedAt: components["schemas"]["DateTime"];
        };
        WithdrawalRequest: {
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            /** @description 申请人撤回理由 */
            reason: string;
            requestedAt: components["schemas"]["DateTime"];
        };
        WithdrawalReceipt: {
            applicationId: components["schemas"]["ApplicationId"];
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            /** @constant */
            status: "WITHDRAWN";
            withdrawnAt: components["schemas"]["DateTime"];
        };
        ApplicationSummary: {
            applicationId: components["schemas"]["ApplicationId"];
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            status: components["schemas"]["ApplicationStatus"];
            receivedAt: components["schemas"]["DateTime"];
            updatedAt: components["schemas"]["DateTime"];
        };
        ApplicationList: {
            items: components["schemas"]["ApplicationSummary"][];
        };
        Application: {
            applicationId: components["schemas"]["ApplicationId"];
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            status: components["schemas"]["ApplicationStatus"];
            receivedAt: components["schemas"]["DateTime"];
            updatedAt: components["schemas"]["DateTime"];
            /** @description 状态历史，按发生先后排列；与回调推送的事件相同（同一 eventId） */
            events: components["schemas"]["StatusEvent"][];
        };
        StatusEvent: {
            /** @description 事件唯一标识，重复推送不变 */
            eventId: string;
            /** @enum {string} */
            eventType: "application.received" | "application.accepted" | "application.supplement_required" | "application.supplemented" | "application.completed" | "application.rejected";
            occurredAt: components["schemas"]["DateTime"];
            applicationId: components["schemas"]["ApplicationId"];
            externalCaseNo: components["schemas"]["ExternalCaseNo"];
            status: components["schemas"]["EventStatus"];
            supplement?: components["schemas"]["SupplementNotice"];
            rejection?: components["schemas"]["Rejection"];
            result?: components["schemas"]["Result"];
        } & (unknown & unknown & unknown);
        /** @description 补齐补正告知 */
        SupplementNotice: {
            items: {
                materialName: string;
                reason?: string;
            }[];
            note?: string;
        };
        /** @description 不予受理决定 */
        Rejection: {
            reasonCode?: string;
            reason: string;
        };
        /** @description 办结结果 */
        Result: {
            /** @description 结果文书 / 证照名称 */
            documentName: string;
            /** @description 证照编号 */
            certificateNo?: string;
            document: components["schemas"]["ResultDocument"];
            delivery: {
                /** @enum {string} */
                method: "EXPRESS" | "ELECTRONIC" | "WINDOW_PICKUP";
                expressCompany?: string;
                /** @description 物流单号 */
                trackingNo?: string;
            };
        };
        ResultDocument: {
            fileName: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "application/ofd";
            contentBase64: string;
            sha256: components["schemas"]["Sha256"];
        };
        HandlingReport: {
            handlingCaseNo: components["schemas"]["ExternalCaseNo"];
            handlingRegionCode: components["schemas"]["RegionCode"];
            /**
             * @description ACCEPTED 已受理；SUPPLEMENT_REQUIRED 需补齐补正；REJECTED 不予受理；COMPLETED 已办结；DELIVERED 结果已送达
             * @enum {string}
             */
            status: "ACCEPTED" | "SUPPLEMENT_REQUIRED" | "REJECTED" | "COMPLETED" | "DELIVERED";
            occurredAt: components["schemas"]["DateTime"];
            decidedBy: {
                /** @description 办理部门 */
                department: string;
                /** @description 经办人 */
                handlerName: string;
            };
            promisedAt?: components["schemas"]["DateTime"];
            supplement?: {
                items: {
                    materialCode?: string;
                    materialName: string;
                }[];
                note?: string;
            };
            rejection?: {
                reason: string;
                /** @description 法律依据 */
                legalBasis: string;
            };
            result?: {
                /** @description 结果文书 / 证照名称 */
                documentName: string;
                /** @description 电子证照编号 */
                certificateNo?: string;
                delivery: {
                    /** @enum {string} */
                    method: "EXPRESS" | "ELECTRONIC";
                    /** @description 物流单号 */
                    trackingNo?: string;
                };
            };
            delivery?: {
                /** @enum {string} */
                method: "EXPRESS" | "ELECTRONIC" | "WINDOW_PICKUP";
                trackingNo?: string;
                deliveredAt: components["schemas"]["DateTime"];
            };
            documents: components["schemas"]["ReportDocument"][];
        } & (unknown & unknown & unknown & unknown & unknown);
        /**
         * @description 已经 `uploadMaterial` 上传的文书。上传时的材料编码：ACCEPTANCE_NOTICE 受理通知书 `KYTB-SLTZS`，SUPPLEMENT_NOTICE
         *     补齐补正通知书 `KYTB-BZTZS`，REJECTION_NOTICE 不予受理通知书 `KYTB-BYSLTZS`，COMPLETION_NOTICE 办结通知 `KYTB-BJTZ`，
         *     RESULT 结果文书 `KYTB-JGWJ`，DELIVERY_RECEIPT 送达回执 `KYTB-SDHZ`
         */
        ReportDocument: {
            /** @enum {string} */
            documentType: "ACCEPTANCE_NOTICE" | "SUPPLEMENT_NOTICE" | "REJECTION_NOTICE" | "COMPLETION_NOTICE" | "RESULT" | "DELIVERY_RECEIPT";
            title: string;
            materialId: components["schemas"]["MaterialId"];
            sha256: components["schemas"]["Sha256"];
        };
        HandlingReportReceipt: {
            reportId: string;
            handoverCaseNo: components["schemas"]["ExternalCaseNo"];
            /** @enum {string} */
            status: "ACCEPTED" | "SUPPLEMENT_REQUIRED" | "REJECTED" | "COMPLETED" | "DELIVERED";
            receivedAt: components["schemas"]["DateTime"];
        };
        WebhookAck: {
            /** @constant */
            received: true;
        };
        WebhookError: {
            /** @description 接收方错误码 */
            code: string;
            message: string;
        };
    };
    responses: {
        /** @description 请求不符合接口约定（`INVALID_REQUEST`），`details` 列出出错字段 */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 客户端凭证错误（`INVALID_CLIENT`）或令牌无效、过期（`UNAUTHORIZED`） */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 资源不存在（`NOT_FOUND`） */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 同一幂等键提交了不同内容（`DUPLICATE_CONFLICT`），或办件状态不允许（`INVALID_STATE`） */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 文件超过 20 MB（`PAYLOAD_TOO_LARGE`） */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 文件类型不支持（`MATERIAL_TYPE_UNSUPPORTED`） */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 材料校验不通过（`MATERIAL_HASH_MISMATCH`、`MATERIAL_NOT_FOUND`） */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 请求过于频繁（`RATE_LIMITED`），请稍后重试 */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description 平台内部错误（`INTERNAL_ERROR`）或暂不可用（`SERVICE_UNAVAILABLE`），可稍后重试 */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /** @description 幂等键，由调用方为每次业务提交生成且重试时保持不变；保留 24 小时。 */
        IdempotencyKey: string;
        ApplicationIdPath: components["schemas"]["ApplicationId"];
    };
    requestBodies: never;
    headers: {
        /** @description 为 `true` 时表示本应答为同一幂等键的首次应答的重放 */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description 令牌 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    uploadMaterial: {
        parameters: {
            query?: never;
            header: {
                /** @description 幂等键，由调用方为每次业务提交生成且重试时保持不变；保留 24 小时。 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["MaterialUpload"];
            };
        };
        responses: {
            /** @description 材料已接收 */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["TooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    listApplications: {
        parameters: {
            query: {
                externalCaseNo: components["schemas"]["ExternalCaseNo"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 匹配的申报（至多一条） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header: {
                /** @description 幂等键，由调用方为每次业务提交生成且重试时保持不变；保留 24 小时。 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationRequest"];
            };
        };
        responses: {
            /** @description 申报已接收 */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                applicationId: components["parameters"]["ApplicationIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 申报详情 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    submitSupplement: {
        parameters: {
            query?: never;
            header: {
                /** @description 幂等键，由调用方为每次业务提交生成且重试时保持不变；保留 24 小时。 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                applicationId: components["parameters"]["ApplicationIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplementRequest"];
            };
        };
        responses: {
            /** @description 补正已接收 */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplementReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    withdrawApplication: {
        parameters: {
            query?: never;
            header: {
                /** @description 幂等键，由调用方为每次业务提交生成且重试时保持不变；保留 24 小时。 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                applicationId: components["parameters"]["ApplicationIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawalRequest"];
            };
        };
        responses: {
            /** @description 已撤回 */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WithdrawalReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description 已作出决定，不能撤回（`ALREADY_DECIDED`，`details[0].message` 为当前状态），或同一幂等键提交了不同内容（`DUPLICATE_CONFLICT`） */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    reportHandlingResult: {
        parameters: {
            query?: never;
            header: {
                /** @description 幂等键，由调用方为每次业务提交生成且重试时保持不变；保留 24 小时。 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /** @description 徐汇区转出该办件时的办件编号 */
                handoverCaseNo: components["schemas"]["ExternalCaseNo"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandlingReport"];
            };
        };
        responses: {
            /** @description 反馈已接收 */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandlingReportReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["ServerError"];
        };
    };
    applicationStatusChanged: {
        parameters: {
            query?: never;
            header: {
                /** @description Unix 时间戳（秒） */
                "X-Xh-Timestamp": string;
                /** @description 每次发送新生成的随机串（含重试） */
                "X-Xh-Nonce": string;
                /** @description 小写十六进制 HMAC-SHA256 签名 */
                "X-Xh-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusEvent"];
            };
        };
        responses: {
            /** @description 已接收 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAck"];
                };
            };
            /** @description 未接收（4xx 不重试，5xx 重试） */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookError"];
                };
            };
        };
    };
}
