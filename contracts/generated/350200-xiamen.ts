/**
 * GENERATED FILE: do not edit. Source: contracts/partners/350200-xiamen.yaml
 * Regenerate with `npm run contracts:gen`; `npm test` fails when this file is stale.
 */

export interface paths {
    "/gateway.do": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 统一网关（method 指明接口）
         * @description 全部接口共用此地址。请求公共参数按 `GatewayRequest` 校验，`biz_content` 解析为 JSON 后按 `method` 对应的
         *     schema 校验：`gov.kstb.case.submit` → `CaseSubmitBiz`，`gov.kstb.case.cancel` → `CaseCancelBiz`，
         *     `gov.kstb.case.query` → `CaseQueryBiz`，`gov.kstb.case.feedback` → `CaseFeedbackBiz`。
         *     应答按 `method` 对应：`CaseSubmitReply`、`CaseCancelReply`、`CaseQueryReply`、`CaseFeedbackReply`，无法识别接口时 `ErrorReply`。
         */
        post: operations["gateway"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    caseStatusNotify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办件状态通知（平台 → 接入方 notify_url）
         * @description 表单 POST，平台私钥 RSA2 签名（除 `sign` 外全部参数，空值不参与，升序 `k=v&…`）。
         *     接入方应答 HTTP 200 纯文本 `success` 表示已收到；否则平台按间隔重发。
         */
        post: operations["caseStatusNotify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        GatewayRequest: {
            /** @description 应用标识 */
            app_id: string;
            /**
             * @description 接口名称
             * @enum {string}
             */
            method: "gov.kstb.case.submit" | "gov.kstb.case.cancel" | "gov.kstb.case.query" | "gov.kstb.case.feedback";
            /** @constant */
            format: "JSON";
            /** @constant */
            charset: "utf-8";
            /** @constant */
            sign_type: "RSA2";
            timestamp: components["schemas"]["Time"];
            /** @constant */
            version: "1.0";
            /**
             * Format: uri
             * @description 状态通知地址
             */
            notify_url?: string;
            /** @description 代调用授权令牌（可选） */
            app_auth_token?: string;
            /** @description 业务参数 JSON 字符串 */
            biz_content: string;
            sign: components["schemas"]["Sign"];
        };
        /** @description 北京时间 yyyy-MM-dd HH:mm:ss */
        Time: string;
        /** @description Base64 的 SHA256WithRSA 签名 */
        Sign: string;
        Sha256: string;
        /** @description 请求流水号，幂等键 */
        OutRequestNo: string;
        /** @description 平台办件号（XM + 日期 8 位 + 序号 10 位） */
        PlatformCaseNo: string;
        /** @description 接入方（收件地）办件编号 */
        CaseNo: string;
        /**
         * @description 办件状态：RECEIVED 已接收、ACCEPTED 已受理、FINISHED 已办结、REJECTED 不予受理、CANCELLED 已撤回
         * @enum {string}
         */
        CaseStatus: "RECEIVED" | "ACCEPTED" | "FINISHED" | "REJECTED" | "CANCELLED";
        /**
         * @description 证件类型（平台代码）
         * @enum {string}
         */
        CertType: "IDENTITY_CARD" | "TEMP_IDENTITY_CARD" | "HOUSEHOLD_REGISTER" | "PASSPORT" | "HK_MACAO_PASS" | "TAIWAN_PASS" | "FOREIGNER_PERMANENT_RESIDENCE" | "OTHER";
        Applicant: {
            /**
             * @description 申请人类型
             * @enum {string}
             */
            applicant_type: "PERSON" | "ORGANIZATION";
            /** @description 申请人姓名或单位名称 */
            name: string;
            cert_type: components["schemas"]["CertType"];
            /** @description 证件号码（至多 32 位） */
            cert_no: string;
            /** @description 联系电话 */
            mobile: string;
            /** @description 经办人姓名（单位申请人） */
            agent_name?: string;
        };
        Material: {
            material_code: string;
            material_name: string;
            file_name: string;
            /** @enum {string} */
            file_type: "PDF" | "JPG" | "PNG";
            file_content: string;
            file_sha256: components["schemas"]["Sha256"];
        };
        Delivery: {
            /**
             * @description 结果送达方式：EXPRESS 邮寄、ONLINE 电子送达、WINDOW 窗口领取
             * @enum {string}
             */
            delivery_type: "EXPRESS" | "ONLINE" | "WINDOW";
            /** @description 寄递地址（仅 EXPRESS） */
            address?: string;
        };
        CaseSubmitBiz: {
            out_request_no: components["schemas"]["OutRequestNo"];
            case_no: components["schemas"]["CaseNo"];
            /** @description 事项基本编码 */
            item_code: string;
            /** @description 实施编码 */
            impl_code: string;
            item_name: string;
            /**
             * @description 办件类型 1 即办件 2 承诺件 9 其他
             * @enum {string}
             */
            case_type: "1" | "2" | "9";
            /** @description 收件地区划 */
            accept_region: string;
            /** @description 办理地区划（厦门） */
            handle_region: string;
            applicant: components["schemas"]["Applicant"];
            materials: components["schemas"]["Material"][];
            promise_days: number;
            promise_time: components["schemas"]["Time"];
            apply_time: components["schemas"]["Time"];
            /** @description 收件窗口 */
            receive_window: string;
            /** @description 收件人员 */
            receiver: string;
            delivery: components["schemas"]["Delivery"];
        };
        CaseCancelBiz: {
            out_request_no: components["schemas"]["OutRequestNo"];
            platform_case_no: components["schemas"]["PlatformCaseNo"];
            case_no: components["schemas"]["CaseNo"];
            cancel_reason: string;
            apply_time: components["schemas"]["Time"];
        };
        CaseQueryBiz: {
            platform_case_no: components["schemas"]["PlatformCaseNo"];
            case_no?: components["schemas"]["CaseNo"];
        };
        FeedbackDocument: {
            /**
             * @description 文书类型：受理通知书、补齐补正通知书、不予受理通知书、办结通知、送达回执、结果文书
             * @enum {string}
             */
            doc_type: "ACCEPT_NOTICE" | "SUPPLEMENT_NOTICE" | "REJECT_NOTICE" | "FINISH_NOTICE" | "DELIVERY_RECEIPT" | "RESULT";
            doc_name: string;
            file_name: string;
            /** @enum {string} */
            file_type: "PDF" | "OFD";
            file_content: string;
            file_sha256: components["schemas"]["Sha256"];
        };
        /** @description 反向：平台把厦门窗口收件的办件转给接入方办理后，接入方（办理地）报告每一次办理决定 */
        CaseFeedbackBiz: {
            out_request_no: components["schemas"]["OutRequestNo"];
            /** @description 平台（收件地）办件编号 */
            case_no: string;
            /** @description 办理地办件编号 */
            handle_case_no: string;
            /**
             * @description 办理状态：已受理、需补正、不予受理、已办结、已送达
             * @enum {string}
             */
            status: "ACCEPTED" | "SUPPLEMENT" | "REJECTED" | "FINISHED" | "DELIVERED";
            status_time: components["schemas"]["Time"];
            handle_dept: string;
            handler: string;
            promise_time?: components["schemas"]["Time"];
            supplement_materials?: {
                material_code?: string;
                material_name: string;
            }[];
            supplement_note?: string;
            reject_reason?: string;
            legal_basis?: string;
            result?: {
                result_name: string;
                /** @description 电子证照编号 */
                cert_no?: string;
                /** @enum {string} */
                delivery_type: "EXPRESS" | "ONLINE" | "WINDOW";
                express_no?: string;
            };
            delivered?: {
                /** @enum {string} */
                delivery_type: "EXPRESS" | "ONLINE" | "WINDOW";
                express_no?: string;
                delivered_time: components["schemas"]["Time"];
            };
            documents: components["schemas"]["FeedbackDocument"][];
        };
        /**
         * @description 明细错误码：`isv.*` 为网关层（签名、时间戳、参数），`KSTB.*` 为业务层。
         *     `KSTB.MATERIAL_DIGEST_MISMATCH` 材料摘要不符（`sub_msg` 写明材料名称）；`KSTB.CASE_ALREADY_DECIDED`
         *     办件已作出决定，不能撤件（应答带当前 `status`）；`KSTB.CASE_NOT_HANDED` 平台未转出该办件（反向）。
         * @enum {string}
         */
        SubCode: "isv.missing-app-id" | "isv.invalid-app-id" | "isv.invalid-signature" | "isv.invalid-timestamp" | "isv.invalid-method" | "isv.invalid-parameter" | "isv.missing-notify-url" | "KSTB.MATERIAL_DIGEST_MISMATCH" | "KSTB.OUT_REQUEST_NO_CONFLICT" | "KSTB.CASE_NO_EXISTS" | "KSTB.CASE_NOT_FOUND" | "KSTB.CASE_ALREADY_DECIDED" | "KSTB.CASE_NOT_HANDED" | "KSTB.SYSTEM_BUSY";
        ResponseHead: {
            /** @enum {string} */
            code: "10000" | "20000" | "40001" | "40002" | "40004" | "40006";
            msg: string;
            sub_code?: components["schemas"]["SubCode"];
            sub_msg?: string;
        };
        CaseSubmitResponse: components["schemas"]["ResponseHead"] & {
            out_request_no?: components["schemas"]["OutRequestNo"];
            case_no?: components["schemas"]["CaseNo"];
            platform_case_no?: components["schemas"]["PlatformCaseNo"];
            status?: components["schemas"]["CaseStatus"];
            receive_time?: components["schemas"]["Time"];
        };
        CaseSubmitReply: {
            gov_kstb_case_submit_response: components["schemas"]["CaseSubmitResponse"];
            sign?: components["schemas"]["Sign"];
        };
        CaseCancelResponse: components["schemas"]["ResponseHead"] & {
            platform_case_no?: components["schemas"]["PlatformCaseNo"];
            case_no?: components["schemas"]["CaseNo"];
            status?: components["schemas"]["CaseStatus"];
            cancel_time?: components["schemas"]["Time"];
        };
        CaseCancelReply: {
            gov_kstb_case_cancel_response: components["schemas"]["CaseCancelResponse"];
            sign?: components["schemas"]["Sign"];
        };
        CaseQueryResponse: components["schemas"]["ResponseHead"] & {
            platform_case_no?: components["schemas"]["PlatformCaseNo"];
            case_no?: components["schemas"]["CaseNo"];
            status?: components["schemas"]["CaseStatus"];
            events?: {
                event_id: string;
                status: components["schemas"]["CaseStatus"];
                status_time: components["schemas"]["Time"];
            }[];
        };
        CaseQueryReply: {
            gov_kstb_case_query_response: components["schemas"]["CaseQueryResponse"];
            sign?: components["schemas"]["Sign"];
        };
        CaseFeedbackResponse: components["schemas"]["ResponseHead"] & {
            case_no?: string;
            status?: string;
            receive_time?: components["schemas"]["Time"];
        };
        CaseFeedbackReply: {
            gov_kstb_case_feedback_response: components["schemas"]["CaseFeedbackResponse"];
            sign?: components["schemas"]["Sign"];
        };
        ErrorReply: {
            error_response: components["schemas"]["ResponseHead"];
            sign?: components["schemas"]["Sign"];
        };
        StatusNotification: {
            /** @description 通知标识，每次发送不同 */
            notify_id: string;
            notify_time: components["schemas"]["Time"];
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
            sign: components["schemas"]["Sign"];
            /** @description 状态变更标识，重发时不变 */
            event_id: string;
            platform_case_no: components["schemas"]["PlatformCaseNo"];
            case_no: components["schemas"]["CaseNo"];
            /**
             * @description 受理、办结、不予受理
             * @enum {string}
             */
            status: "ACCEPTED" | "FINISHED" | "REJECTED";
            status_time: components["schemas"]["Time"];
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
            result_sha256?: components["schemas"]["Sha256"];
            result_file_name?: string;
            /** @enum {string} */
            result_file_type?: "PDF" | "OFD";
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
    gateway: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["GatewayRequest"];
            };
        };
        responses: {
            /** @description 平台已处理（结果见 `code`），签名应答 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseSubmitReply"] | components["schemas"]["CaseCancelReply"] | components["schemas"]["CaseQueryReply"] | components["schemas"]["CaseFeedbackReply"] | components["schemas"]["ErrorReply"];
                };
            };
            /** @description 平台暂不可用（5xx），可稍后重试 */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorReply"];
                };
            };
        };
    };
    caseStatusNotify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["StatusNotification"];
            };
        };
        responses: {
            /** @description 已收到 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "success";
                };
            };
        };
    };
}
