/**
 * GENERATED FILE: do not edit. Source: contracts/partners/640000-ningxia.yaml
 * Regenerate with `npm run contracts:gen`; `npm test` fails when this file is stale.
 */

export interface paths {
    "/exchange/case/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办件提交（bizCode KYTB1001）
         * @description 收件地窗口完成形式审查与身份核验后提交办件。`bldq`（办理地区划）必须为宁夏区划（64 开头）。
         *     成功应答返回平台申报编号 `sbbh` 与状态 `01 已接收`。
         */
        post: operations["caseSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exchange/case/supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 补正提交（bizCode KYTB1002）
         * @description 办件处于 `03 需补正` 时，以收件地办件编号 `bjbh` 提交补正后的完整材料清单（替换原材料）。
         *     成功后办件回到 `01 已接收`。其他状态下应答 `2004`。
         */
        post: operations["caseSupplement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exchange/case/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办理结果反馈（bizCode KYTB1004，办理地→平台）
         * @description 接入方作为办理地，对宁夏转来的办件（`bjbh` 为宁夏收件地办件编号）报告一次办理决定：`02 已受理`（附承诺办结时间）、
         *     `03 需补正`（附需补正材料与说明）、`05 不予受理`（附理由与法律依据）、`04 已办结`（附办结结果）、`06 已送达`
         *     （附送达信息）。每条反馈随附办理地文书 `wsxx`（内联，附 SHA-256）。同一 `bizSerial` 重复反馈按首次结果应答；
         *     平台未向接入方转出该办件应答 `2003`。
         */
        post: operations["caseResultFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exchange/case/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤件申请（bizCode KYTB1005）
         * @description 申请人在作出决定前撤回申请。办件为 `01 已接收`、`02 已受理`、`03 需补正` 时撤件成功，办件变为
         *     `07 已撤回`，此后不再作出决定；已办结（`04`）或不予受理（`05`）的办件应答 `2006`，报文体给出当前状态
         *     `ztdm`。撤件与办理决定以平台登记的先后为准。撤件不推送（以本应答为准），办件查询的状态历史中记有
         *     `07`。同一 `bizSerial` 重复提交按首次结果应答（`2006` 亦同）。
         */
        post: operations["caseWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exchange/case/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办件查询（bizCode KYTB1003）
         * @description 按申报编号查询办件当前状态与状态变更历史（含事件编号，与推送一致），用于对账。
         */
        post: operations["caseQuery"];
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
         * 办件状态与结果推送（bizCode KYTB2001，平台→接入方）
         * @description 平台向接入方登记的回调地址（本网关：`/api/inbound/partners/640000/callback`）推送每一次状态变更，
         *     报文签名使用 `CALLBACK_SECRET`，请求头 `X-Exchange-Sender: 640000`。
         *     每次变更有唯一且稳定的事件编号 `sjbh`：平台重推同一变更时 `sjbh` 不变，报文头 `serial`、`time`、`sign` 为新值。
         *     接入方以 HTTP 200 且回执 `rtnCode = 0000` 表示已接收；否则平台按 0.2 秒、1 秒、3 秒、10 秒重推，
         *     HTTP 4xx 回执不再重推。
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
        /** @description GB/T 2260 行政区划代码（节点编码） */
        RegionCode: string;
        /**
         * @description 北京时间（UTC+8）yyyy-MM-dd HH:mm:ss
         * @example 2026-11-22 10:00:00
         */
        ExchangeTime: string;
        /** @description 报文流水号，每条报文唯一 */
        Serial: string;
        /** @description 小写十六进制 HMAC-SHA256 */
        Sign: string;
        Sha256: string;
        Base64: string;
        /** @description 业务流水号（幂等键）：同一业务流水号只建档一次 */
        BizSerial: string;
        /** @description 办件编号（GB/T 39046，≤50），收件地编号 */
        CaseNo: string;
        /** @description 平台申报编号 */
        CaseRef: string;
        /**
         * @description 办件状态代码
         * @enum {string}
         */
        StatusCode: "01" | "02" | "03" | "04" | "05" | "07";
        /**
         * @description 推送的办件状态代码（部门的决定；撤件不推送，见 caseWithdraw）
         * @enum {string}
         */
        NotifyStatusCode: "01" | "02" | "03" | "04" | "05";
        /**
         * @description 证件类型代码（平台代码表）
         * @enum {string}
         */
        IdTypeCode: "10" | "11" | "12" | "20" | "31" | "32" | "40" | "99";
        /**
         * @description 应答代码
         * @enum {string}
         */
        ReturnCode: "0000" | "1001" | "1002" | "1003" | "1004" | "1005" | "2001" | "2002" | "2003" | "2004" | "2005" | "2006" | "9999";
        /** @description 请求报文头（接入方→平台） */
        RequestHead: {
            /** @constant */
            version: "1.0";
            /** @description 接入应用标识 */
            appId: string;
            sender: components["schemas"]["RegionCode"];
            /** @constant */
            receiver: "640000";
            /** @enum {string} */
            bizCode: "KYTB1001" | "KYTB1002" | "KYTB1003" | "KYTB1004" | "KYTB1005";
            serial: components["schemas"]["Serial"];
            time: components["schemas"]["ExchangeTime"];
            sign: components["schemas"]["Sign"];
        };
        /** @description 应答报文头（平台→接入方） */
        ReplyHead: {
            /** @constant */
            version: "1.0";
            /** @constant */
            sender: "640000";
            receiver?: components["schemas"]["RegionCode"];
            bizCode?: string;
            serial: components["schemas"]["Serial"];
            time: components["schemas"]["ExchangeTime"];
            rtnCode: components["schemas"]["ReturnCode"];
            rtnMsg: string;
            sign: components["schemas"]["Sign"];
        };
        ErrorBody: {
            /** @description 错误明细 */
            cwxx?: {
                /** @description 字段（JSON Pointer） */
                zd: string;
                /** @description 原因 */
                yy: string;
            }[];
        };
        ErrorReply: {
            head: components["schemas"]["ReplyHead"];
            body: components["schemas"]["ErrorBody"];
        };
        /** @description 申请人（仅限办理所需字段） */
        Applicant: {
            /**
             * @description 申请人类型 1 自然人 2 法人及其他组织
             * @enum {string}
             */
            sqrlx: "1" | "2";
            /** @description 申请人姓名/单位名称 */
            sqrmc: string;
            zjlx: components["schemas"]["IdTypeCode"];
            /** @description 证件号码 */
            zjhm: string;
            /** @description 联系电话 */
            lxdh: string;
            /** @description 经办人姓名（法人申请） */
            jbrxm?: string;
        };
        /** @description 申请材料（内联） */
        Material: {
            /** @description 材料编码（事项材料清单的编码；收件地网关随件出具的文书另用 KYTB-SLHZ 受理回执、KYTB-CLLZD 材料流转单，同样校验 SHA-256） */
            clbm: string;
            /** @description 材料名称 */
            clmc: string;
            /** @description 文件名 */
            wjm: string;
            /**
             * @description 文件类型
             * @enum {string}
             */
            wjlx: "pdf" | "jpg" | "png";
            /** @description 文件内容 Base64（≤20 MB） */
            wjnr: components["schemas"]["Base64"];
            /** @description 文件内容 SHA-256 */
            sha256: components["schemas"]["Sha256"];
        };
        Materials: components["schemas"]["Material"][];
        /** @description 结果送达方式 */
        ResultDelivery: {
            /**
             * @description 送达方式 1 邮寄 2 电子送达 3 窗口领取
             * @enum {string}
             */
            sdfs: "1" | "2" | "3";
            /** @description 邮寄地址（仅 sdfs=1） */
            yjdz?: string;
        };
        CaseSubmitBody: {
            bizSerial: components["schemas"]["BizSerial"];
            bjbh: components["schemas"]["CaseNo"];
            /** @description 事项基本编码 */
            sxbm: string;
            /** @description 实施编码 */
            ssbm: string;
            /** @description 事项名称 */
            sxmc: string;
            /**
             * @description 办件类型 1 即办件 2 承诺件 9 其他
             * @enum {string}
             */
            bjlx: "1" | "2" | "9";
            /**
             * @description 办理形式 1 窗口 2 PC 3 移动端 4 快递 9 其他
             * @enum {string}
             */
            blxs: "1" | "2" | "3" | "4" | "9";
            /** @description 受理地区划（收件地） */
            sldq: components["schemas"]["RegionCode"];
            /** @description 办理地区划（宁夏） */
            bldq: string;
            sqr: components["schemas"]["Applicant"];
            clxx: components["schemas"]["Materials"];
            /** @description 承诺办结时限（工作日） */
            cnsx: number;
            /** @description 承诺办结时间 */
            cnbjsj: components["schemas"]["ExchangeTime"];
            /** @description 申请时间 */
            sqsj: components["schemas"]["ExchangeTime"];
            /** @description 收件信息 */
            sjxx: {
                /** @description 收件窗口 */
                sjck: string;
                /** @description 收件人员 */
                sjr: string;
            };
            jgsd: components["schemas"]["ResultDelivery"];
        };
        CaseSubmitRequest: {
            head: components["schemas"]["RequestHead"];
            body: components["schemas"]["CaseSubmitBody"];
        };
        CaseSupplementRequest: {
            head: components["schemas"]["RequestHead"];
            body: {
                bizSerial: components["schemas"]["BizSerial"];
                bjbh: components["schemas"]["CaseNo"];
                /** @description 补正次数 */
                bzcs: number;
                /** @description 补正后的完整材料清单 */
                clxx: components["schemas"]["Materials"];
            };
        };
        CaseWithdrawRequest: {
            head: components["schemas"]["RequestHead"];
            body: {
                bizSerial: components["schemas"]["BizSerial"];
                sbbh: components["schemas"]["CaseRef"];
                bjbh: components["schemas"]["CaseNo"];
                /** @description 撤件原因 */
                chyy: string;
                /** @description 申请人提出撤件的时间 */
                sqsj: components["schemas"]["ExchangeTime"];
            };
        };
        CaseWithdrawReply: {
            head: components["schemas"]["ReplyHead"];
            body: Record<string, never>;
        } & (unknown & unknown & unknown);
        CaseQueryRequest: {
            head: components["schemas"]["RequestHead"];
            body: {
                sbbh: components["schemas"]["CaseRef"];
                bjbh?: components["schemas"]["CaseNo"];
            };
        };
        /**
         * @description 办理结果反馈的办理状态代码（办理地→平台）
         * @enum {string}
         */
        FeedbackStatusCode: "02" | "03" | "04" | "05" | "06";
        /** @description 办理地文书（内联） */
        FeedbackDocument: {
            /**
             * @description 文书类型 SLTZS 受理通知书 BZTZS 补齐补正通知书 BYSLTZS 不予受理通知书 BJTZ 办结通知 SDHZ 送达回执 JGWJ 结果文书
             * @enum {string}
             */
            wslx: "SLTZS" | "BZTZS" | "BYSLTZS" | "BJTZ" | "SDHZ" | "JGWJ";
            /** @description 文书名称 */
            wsmc: string;
            /** @description 文件名 */
            wjm: string;
            /**
             * @description 文件类型
             * @enum {string}
             */
            wjlx: "pdf" | "ofd";
            /** @description 文件内容 Base64（≤20 MB） */
            wjnr: components["schemas"]["Base64"];
            /** @description 文件内容 SHA-256 */
            sha256: components["schemas"]["Sha256"];
        };
        CaseResultFeedbackBody: {
            bizSerial: components["schemas"]["BizSerial"];
            /** @description 收件地（宁夏）办件编号 */
            bjbh: components["schemas"]["CaseNo"];
            /** @description 办理地办件编号 */
            bldbh: components["schemas"]["CaseNo"];
            ztdm: components["schemas"]["FeedbackStatusCode"];
            /** @description 状态名称 */
            ztmc: string;
            /** @description 决定时间 */
            bgsj: components["schemas"]["ExchangeTime"];
            /** @description 办理部门 */
            blbm: string;
            /** @description 办理人 */
            blr: string;
            /** @description 承诺办结时间（ztdm=02） */
            cnbjsj?: components["schemas"]["ExchangeTime"];
            /** @description 需补正材料（ztdm=03） */
            bzcl?: {
                /** @description 材料编码 */
                clbm?: string;
                /** @description 材料名称及要求 */
                clmc: string;
            }[];
            /** @description 补正说明 */
            bzsm?: string;
            /** @description 不予受理原因（ztdm=05） */
            byslyy?: string;
            /** @description 法律依据（ztdm=05） */
            flyj?: string;
            /** @description 办结结果（ztdm=04；结果文书随 wsxx） */
            bjjg?: components["schemas"]["CaseResult"];
            /** @description 送达信息（ztdm=06） */
            sdxx?: {
                /**
                 * @description 送达方式 1 邮寄 2 电子送达 3 窗口领取
                 * @enum {string}
                 */
                sdfs: "1" | "2" | "3";
                /** @description 物流单号（邮寄时） */
                kddh?: string;
                /** @description 送达时间 */
                sdsj: components["schemas"]["ExchangeTime"];
            };
            wsxx: components["schemas"]["FeedbackDocument"][];
        } & (unknown & unknown & unknown & unknown & unknown);
        CaseResultFeedbackRequest: {
            head: components["schemas"]["RequestHead"];
            body: components["schemas"]["CaseResultFeedbackBody"];
        };
        FeedbackAckReply: {
            head: components["schemas"]["ReplyHead"];
            body: Record<string, never>;
        };
        CaseAck: {
            sbbh: components["schemas"]["CaseRef"];
            bjbh: components["schemas"]["CaseNo"];
            ztdm: components["schemas"]["StatusCode"];
            /** @description 接收时间 */
            jssj: components["schemas"]["ExchangeTime"];
        };
        CaseAckReply: {
            head: components["schemas"]["ReplyHead"];
            body: Record<string, never>;
        };
        CaseQueryReply: {
            head: components["schemas"]["ReplyHead"];
            body: Record<string, never>;
        };
        /** @description 推送报文头（平台→接入方） */
        NotifyHead: {
            /** @constant */
            version: "1.0";
            /** @constant */
            sender: "640000";
            receiver: components["schemas"]["RegionCode"];
            /** @constant */
            bizCode: "KYTB2001";
            serial: components["schemas"]["Serial"];
            time: components["schemas"]["ExchangeTime"];
            sign: components["schemas"]["Sign"];
        };
        /** @description 结果文书（内联） */
        ResultFile: {
            wjm: string;
            /** @enum {string} */
            wjlx: "pdf" | "ofd" | "jpg" | "png";
            wjnr: components["schemas"]["Base64"];
            sha256: components["schemas"]["Sha256"];
        };
        /** @description 办结结果 */
        CaseResult: {
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
            jgwj?: components["schemas"]["ResultFile"];
        };
        NotifyBody: {
            /** @description 事件编号：每次状态变更唯一，重推不变 */
            sjbh: string;
            sbbh: components["schemas"]["CaseRef"];
            bjbh: components["schemas"]["CaseNo"];
            ztdm: components["schemas"]["NotifyStatusCode"];
            /** @description 状态名称 */
            ztmc: string;
            /** @description 变更时间 */
            bgsj: components["schemas"]["ExchangeTime"];
            /** @description 需补正材料（ztdm=03） */
            bzcl?: string[];
            /** @description 补正说明 */
            bzsm?: string;
            /** @description 不予受理原因（ztdm=05） */
            byslyy?: string;
            /** @description 办结结果（ztdm=04） */
            bjjg?: components["schemas"]["CaseResult"];
        } & (unknown & unknown & unknown);
        CaseStatusNotification: {
            head: components["schemas"]["NotifyHead"];
            body: components["schemas"]["NotifyBody"];
        };
        /** @description 接入方回执（不签名） */
        NotifyReceipt: {
            head: {
                /** @constant */
                version: "1.0";
                /** @constant */
                bizCode: "KYTB2001";
                rtnCode: components["schemas"]["ReturnCode"];
                rtnMsg: string;
            };
            body: Record<string, never>;
        };
    };
    responses: {
        /** @description 平台已处理报文，结果见 head.rtnCode */
        CaseAckReply: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CaseAckReply"];
            };
        };
        /** @description 平台暂不可用（HTTP 5xx，rtnCode 9999）或报文无法解析（HTTP 4xx，rtnCode 1001） */
        SystemError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorReply"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    caseSubmit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseSubmitRequest"];
            };
        };
        responses: {
            200: components["responses"]["CaseAckReply"];
            default: components["responses"]["SystemError"];
        };
    };
    caseSupplement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseSupplementRequest"];
            };
        };
        responses: {
            200: components["responses"]["CaseAckReply"];
            default: components["responses"]["SystemError"];
        };
    };
    caseResultFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseResultFeedbackRequest"];
            };
        };
        responses: {
            /** @description 平台已处理报文，结果见 head.rtnCode */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackAckReply"];
                };
            };
            default: components["responses"]["SystemError"];
        };
    };
    caseWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseWithdrawRequest"];
            };
        };
        responses: {
            /** @description 平台已处理报文，结果见 head.rtnCode */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseWithdrawReply"];
                };
            };
            default: components["responses"]["SystemError"];
        };
    };
    caseQuery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseQueryRequest"];
            };
        };
        responses: {
            /** @description 平台已处理报文，结果见 head.rtnCode */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseQueryReply"];
                };
            };
            default: components["responses"]["SystemError"];
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
                "application/json": components["schemas"]["CaseStatusNotification"];
            };
        };
        responses: {
            /** @description 已接收 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "head": {
                     *         "version": "1.0",
                     *         "bizCode": "KYTB2001",
                     *         "rtnCode": "0000",
                     *         "rtnMsg": "成功"
                     *       },
                     *       "body": {}
                     *     }
                     */
                    "application/json": components["schemas"]["NotifyReceipt"];
                };
            };
            /**
             * @description 未接收，平台按重推策略处理（4xx 不重推，5xx 与超时重推）。接收方（跨域通办网关）以
             *     RFC 9457 `application/problem+json` 说明原因，错误码见网关接口 contracts/gateway.yaml。
             */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        status: number;
                        code: string;
                        title?: string;
                        detail: string;
                    };
                };
            };
        };
    };
}
