/**
 * GENERATED FILE: do not edit. Source: contracts/partners/610700-hanzhong.yaml
 * Regenerate with `npm run contracts:gen`; `npm test` fails when this file is stale.
 */

export interface paths {
    "/zwfw/kstb/v1/clsc": {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 材料上传
         * @description 每个材料单独上传一次，平台重新计算 SHA-256 与 wjhash 比对，不一致返回 3001。返回材料编号 clbh，申报时引用。
         */
        post: operations["clsc"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zwfw/kstb/v1/sb": {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申报
         * @description 引用已上传材料的 clbh 提交跨省通办申报，平台收件后返回申报流水号 sblsh，办理状态为 1（收件）。同一 bjbh 只能申报一次（3005）。
         */
        post: operations["sb"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zwfw/kstb/v1/bqbz": {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 补齐补正
         * @description 办理状态为 11（补齐补正）时，按收件地办件编号 bjbh 提交补正后的完整材料清单（材料须先经 clsc 上传）。平台重新收件，办理状态回到 1。
         */
        post: operations["bqbz"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zwfw/kstb/v1/cxsq": {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 撤回申请
         * @description 申请人在作出决定前撤回申请。办理状态为 1、2、3、11、12 时撤回成功，办理状态变为 13（申请人撤回），流水记录
         *     中增加一条 13 的记录，此后不再作出决定；已办结（4）或不予受理（5）时返回 3008，`data.blzt` 为当前状态。
         *     撤回与部门决定以平台记录的先后为准。
         */
        post: operations["cxsq"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zwfw/kstb/v1/cxzt": {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 查询状态
         * @description 按申报流水号查询办理状态及全部流水记录（按时间先后排列）。平台不主动推送，收件地须轮询。
         */
        post: operations["cxzt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/zwfw/kstb/v1/jgxz": {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 结果下载
         * @description 办结（blzt=4）后按结果文件编号下载结果文书，文件内容为 Base64，附 SHA-256 供校验。
         */
        post: operations["jgxz"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    fkcx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 办理结果查询（办理地提供，汉中轮询）
         * @description 汉中按其办件编号 `bjbh` 查询转交外地办理的办件：办理地区划、办理地办件编号、当前办理状态和办理地的全部流水记录
         *     （按时间先后，`jlid` 不变）。办理地未收到（或不是由汉中转交）的办件返回 3004。
         */
        post: operations["fkcx"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    fkxz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 反馈文书下载（办理地提供）
         * @description 按流水记录 `wslb` 中的文书编号 `wjbh` 下载办理地出具的文书，文件内容为 Base64，附 SHA-256。不存在的返回 3007。
         */
        post: operations["fkxz"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        AppKey: string;
        Nonce: string;
        Sign: string;
        /** @description 日期时间 yyyyMMddHHmmss，北京时间（UTC+8） */
        Sj: string;
        /** @description 请求流水号（幂等键） */
        Qqlsh: string;
        /** @description 收件地办件编号（GB/T 39046 办件编号） */
        Bjbh: string;
        /** @description 申报流水号 */
        Sblsh: string;
        /** @description 材料编号 */
        Clbh: string;
        /** @description 结果文件编号 */
        Jgwjbh: string;
        /** @description 流水记录编号，全局唯一且不变 */
        Jlid: string;
        /** @description SHA-256，小写十六进制 */
        Sha256: string;
        Base64: string;
        /**
         * @description 文件类型：pdf、jpg（JPEG）、png
         * @enum {string}
         */
        Wjlx: "pdf" | "jpg" | "png";
        /**
         * @description 证件类型：01 居民身份证，02 临时居民身份证，03 户口簿，04 普通护照，05 台湾居民来往大陆通行证，
         *     06 港澳居民来往内地通行证，07 外国人永久居留身份证，49 统一社会信用代码（法人），99 其他证件
         * @enum {string}
         */
        Zjlx: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "49" | "99";
        /**
         * @description 办理状态：1 收件，2 受理，3 审核，4 办结，5 不予受理，11 补齐补正，12 挂起，13 申请人撤回，99 其他
         * @enum {string}
         */
        Blzt: "1" | "2" | "3" | "4" | "5" | "11" | "12" | "13" | "99";
        /**
         * @description 是否标志：0 否，1 是
         * @enum {string}
         */
        Sfbz: "0" | "1";
        Cl: {
            clbh: components["schemas"]["Clbh"];
            /** @description 材料编码 */
            clbm: string;
            /** @description 材料名称 */
            clmc: string;
        };
        Cllb: components["schemas"]["Cl"][];
        ClscRequest: {
            qqlsh: components["schemas"]["Qqlsh"];
            bjbh: components["schemas"]["Bjbh"];
            /** @description 材料编码（事项材料清单的编码；收件地网关随件出具的文书另用 KYTB-SLHZ 受理回执、KYTB-CLLZD 材料流转单，同样校验 SHA-256） */
            clbm: string;
            /** @description 材料名称 */
            clmc: string;
            /** @description 文件名称 */
            wjmc: string;
            wjlx: components["schemas"]["Wjlx"];
            /** @description 文件大小（字节），不超过 20 MB */
            wjdx: number;
            /** @description 页数 */
            ys: number;
            wjnr: components["schemas"]["Base64"];
            wjhash: components["schemas"]["Sha256"];
        };
        SbRequest: {
            qqlsh: components["schemas"]["Qqlsh"];
            bjbh: components["schemas"]["Bjbh"];
            /** @description 事项编码（基本编码） */
            sxbm: string;
            /** @description 实施编码 */
            ssbm: string;
            /** @description 事项名称 */
            sxmc: string;
            /**
             * @description 办件类型：1 即办件，2 承诺件，9 其他
             * @enum {string}
             */
            bjlx: "1" | "2" | "9";
            /**
             * @description 办理形式：1 窗口，2 PC，3 移动端，4 快递，9 其他
             * @enum {string}
             */
            blxs: "1" | "2" | "3" | "4" | "9";
            /** @description 收件地区划代码（GB/T 2260） */
            sjdqhdm: string;
            /** @description 办理地区划代码，须为汉中市及所辖区县（6107xx） */
            bldqhdm: string;
            /**
             * @description 申请人类型：1 自然人，2 法人及其他组织
             * @enum {string}
             */
            sqrlx: "1" | "2";
            /** @description 申请人姓名或单位名称 */
            sqrxm: string;
            zjlx: components["schemas"]["Zjlx"];
            /** @description 证件号码 */
            zjhm: string;
            /** @description 联系电话 */
            lxdh: string;
            /** @description 经办人姓名（法人申请时） */
            jbrxm?: string;
            sqsj: components["schemas"]["Sj"];
            /** @description 承诺办结时限（工作日） */
            cnbjsx: number;
            cnbjsj: components["schemas"]["Sj"];
            /** @description 收件单位（收件地窗口） */
            sjdw: string;
            /** @description 收件人 */
            sjr: string;
            sfyj: components["schemas"]["Sfbz"];
            /** @description 结果邮寄地址（sfyj=1 时必填） */
            yjdz?: string;
            cllb: components["schemas"]["Cllb"];
        };
        BqbzRequest: {
            qqlsh: components["schemas"]["Qqlsh"];
            bjbh: components["schemas"]["Bjbh"];
            cllb: components["schemas"]["Cllb"];
        };
        CxsqRequest: {
            qqlsh: components["schemas"]["Qqlsh"];
            sblsh: components["schemas"]["Sblsh"];
            bjbh: components["schemas"]["Bjbh"];
            /** @description 撤回原因 */
            cxyy: string;
            sqsj: components["schemas"]["Sj"];
        };
        CxsqReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                sblsh: components["schemas"]["Sblsh"];
                /** @constant */
                blzt: "13";
                cxsj: components["schemas"]["Sj"];
            };
        };
        CxztRequest: {
            sblsh: components["schemas"]["Sblsh"];
        };
        JgxzRequest: {
            sblsh: components["schemas"]["Sblsh"];
            jgwjbh: components["schemas"]["Jgwjbh"];
        };
        Lsjl: {
            jlid: components["schemas"]["Jlid"];
            blzt: components["schemas"]["Blzt"];
            blztmc: string;
            clsj: components["schemas"]["Sj"];
            /** @description 受理单位 */
            sldw?: string;
            /** @description 办理意见 */
            blyj?: string;
            /** @description 补齐补正材料清单（blzt=11） */
            bqclqd?: string[];
            /** @description 不予受理原因（blzt=5） */
            byslyy?: string;
            /** @description 办结结果（blzt=4） */
            bjjg?: {
                /** @description 结果名称 */
                jgmc: string;
                /** @description 证照编号 */
                zzbh?: string;
                jgwjbh: components["schemas"]["Jgwjbh"];
                sfyj: components["schemas"]["Sfbz"];
                /** @description 邮寄单号 */
                yjdh?: string;
            };
        } & (unknown & unknown & unknown);
        ClscReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                clbh: components["schemas"]["Clbh"];
            };
        };
        SbReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                sblsh: components["schemas"]["Sblsh"];
                blzt: components["schemas"]["Blzt"];
                sjsj: components["schemas"]["Sj"];
            };
        };
        CxztReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                sblsh: components["schemas"]["Sblsh"];
                bjbh: components["schemas"]["Bjbh"];
                blzt: components["schemas"]["Blzt"];
                lsjl: components["schemas"]["Lsjl"][];
            };
        };
        JgxzReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                jgwjbh: components["schemas"]["Jgwjbh"];
                wjmc: string;
                wjlx: components["schemas"]["Wjlx"];
                wjnr: components["schemas"]["Base64"];
                wjhash: components["schemas"]["Sha256"];
            };
        };
        /** @description 办理地文书编号，不变 */
        Wjbh: string;
        /**
         * @description 办理地反馈的办理状态：2 受理，4 办结，5 不予受理，6 结果已送达，11 补齐补正
         * @enum {string}
         */
        BldBlzt: "2" | "4" | "5" | "6" | "11";
        FkcxRequest: {
            bjbh: components["schemas"]["Bjbh"];
        };
        FkxzRequest: {
            bjbh: components["schemas"]["Bjbh"];
            wjbh: components["schemas"]["Wjbh"];
        };
        Ws: {
            wjbh: components["schemas"]["Wjbh"];
            /**
             * @description 文书类型：SLTZS 受理通知书，BZTZS 补齐补正通知书，BYSLTZS 不予受理通知书，BJTZ 办结通知，JGWJ 结果文书，SDHZ 送达回执
             * @enum {string}
             */
            wslx: "SLTZS" | "BZTZS" | "BYSLTZS" | "BJTZ" | "JGWJ" | "SDHZ";
            wsmc: string;
            wjmc: string;
            wjlx: components["schemas"]["Wjlx"];
            wjdx: number;
            wjhash: components["schemas"]["Sha256"];
        };
        BldLsjl: {
            jlid: components["schemas"]["Jlid"];
            blzt: components["schemas"]["BldBlzt"];
            blztmc: string;
            clsj: components["schemas"]["Sj"];
            /** @description 办理部门 */
            sldw: string;
            /** @description 经办人 */
            blr: string;
            /** @description 办理意见 */
            blyj?: string;
            cnbjsj?: components["schemas"]["Sj"];
            /** @description 补齐补正材料清单（blzt=11） */
            bqclqd?: string[];
            bqclmx?: {
                clbm?: string;
                clmc: string;
            }[];
            /** @description 不予受理原因（blzt=5） */
            byslyy?: string;
            /** @description 法律依据（blzt=5） */
            flyj?: string;
            bjjg?: {
                jgmc: string;
                zzbh?: string;
                sfyj: components["schemas"]["Sfbz"];
                yjdh?: string;
            };
            sdxx?: {
                /**
                 * @description 送达方式：1 邮寄，2 电子送达，3 窗口领取
                 * @enum {string}
                 */
                sdfs: "1" | "2" | "3";
                yjdh?: string;
                sdsj: components["schemas"]["Sj"];
            };
            wslb: components["schemas"]["Ws"][];
        } & (unknown & unknown & unknown & unknown & unknown);
        FkcxReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                bjbh: components["schemas"]["Bjbh"];
                bldbh: components["schemas"]["Bjbh"];
                bldqhdm: string;
                /**
                 * @description 当前办理状态（1 收件：尚无决定）
                 * @enum {string}
                 */
                blzt: "1" | "2" | "4" | "5" | "6" | "11";
                lsjl: components["schemas"]["BldLsjl"][];
            };
        };
        FkxzReply: {
            /** @constant */
            code: "0";
            msg: string;
            data: {
                wjbh: components["schemas"]["Wjbh"];
                wjmc: string;
                wjlx: components["schemas"]["Wjlx"];
                wjnr: components["schemas"]["Base64"];
                wjhash: components["schemas"]["Sha256"];
            };
        };
        /** @description 业务拒绝（HTTP 200，code 为 3xxx） */
        BusinessErrorReply: {
            code: string;
            msg: string;
            data?: Record<string, never> | null;
        };
        ErrorReply: {
            /** @description 返回码，见接口说明 */
            code: string;
            msg: string;
            data?: null | {
                errors?: {
                    field: string;
                    message: string;
                }[];
            };
        };
    };
    responses: {
        /** @description 1001 参数不符合规范 / 1002 报文不是合法 JSON */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "1001",
                 *       "msg": "请求参数不符合接口规范",
                 *       "data": {
                 *         "errors": [
                 *           {
                 *             "field": "/zjhm",
                 *             "message": "must NOT have more than 32 characters"
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorReply"];
            };
        };
        /** @description 2000–2004 认证失败 */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "2002",
                 *       "msg": "签名校验失败",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["ErrorReply"];
            };
        };
        /** @description 1003 请求流水号重复且报文不同 */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorReply"];
            };
        };
        /** @description 其他错误（404 接口不存在、413 报文过大、429 限流、5xx 平台故障） */
        Failure: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorReply"];
            };
        };
    };
    parameters: {
        AppKeyHeader: components["schemas"]["AppKey"];
        TimestampHeader: components["schemas"]["Sj"];
        NonceHeader: components["schemas"]["Nonce"];
        SignHeader: components["schemas"]["Sign"];
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    clsc: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "qqlsh": "job-7f3a:cl:m1",
                 *       "bjbh": "330681-20261122-K7Q2M9XA",
                 *       "clbm": "M01",
                 *       "clmc": "注销登记申请书",
                 *       "wjmc": "sqs.pdf",
                 *       "wjlx": "pdf",
                 *       "wjdx": 214,
                 *       "ys": 1,
                 *       "wjnr": "JVBERi0xLjQK",
                 *       "wjhash": "3b1f6b9e5f1c0c2f4b1b9e3d7c1a5e6f8d2c4b6a8e0f1d3c5b7a9e1f3d5c7b9a"
                 *     }
                 */
                "application/json": components["schemas"]["ClscRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "0",
                     *       "msg": "成功",
                     *       "data": {
                     *         "clbh": "CL20261122100000000001"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ClscReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Failure"];
        };
    };
    sb: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "qqlsh": "job-7f3a:sb",
                 *       "bjbh": "330681-20261122-K7Q2M9XA",
                 *       "sxbm": "000121009000",
                 *       "ssbm": "11610700MB2F12345X000121009000",
                 *       "sxmc": "个体工商户注销登记",
                 *       "bjlx": "2",
                 *       "blxs": "1",
                 *       "sjdqhdm": "330681",
                 *       "bldqhdm": "610702",
                 *       "sqrlx": "1",
                 *       "sqrxm": "张三",
                 *       "zjlx": "01",
                 *       "zjhm": "330681199003071233",
                 *       "lxdh": "13812345678",
                 *       "sqsj": "20261122100000",
                 *       "cnbjsx": 5,
                 *       "cnbjsj": "20261128000000",
                 *       "sjdw": "诸暨市行政服务中心跨域通办窗口",
                 *       "sjr": "王芳",
                 *       "sfyj": "1",
                 *       "yjdz": "浙江省诸暨市暨阳街道艮塔西路1号",
                 *       "cllb": [
                 *         {
                 *           "clbh": "CL20261122100000000001",
                 *           "clbm": "M01",
                 *           "clmc": "注销登记申请书"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["SbRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "0",
                     *       "msg": "成功",
                     *       "data": {
                     *         "sblsh": "SB61070020261122000001",
                     *         "blzt": "1",
                     *         "sjsj": "20261122100001"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SbReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Failure"];
        };
    };
    bqbz: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "qqlsh": "job-8c21:bqbz",
                 *       "bjbh": "330681-20261122-K7Q2M9XA",
                 *       "cllb": [
                 *         {
                 *           "clbh": "CL20261123090000000007",
                 *           "clbm": "M02",
                 *           "clmc": "营业执照正副本"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BqbzRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "3006",
                     *       "msg": "当前办理状态不允许补正",
                     *       "data": {
                     *         "blzt": "2"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SbReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Failure"];
        };
    };
    cxsq: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "qqlsh": "job-8c21:cxsq",
                 *       "sblsh": "SB61070020261122000001",
                 *       "bjbh": "330681-20261122-K7Q2M9XA",
                 *       "cxyy": "申请人不再办理",
                 *       "sqsj": "20261123090000"
                 *     }
                 */
                "application/json": components["schemas"]["CxsqRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "3008",
                     *       "msg": "已办结或不予受理，不能撤回",
                     *       "data": {
                     *         "blzt": "4"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CxsqReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Failure"];
        };
    };
    cxzt: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sblsh": "SB61070020261122000001"
                 *     }
                 */
                "application/json": components["schemas"]["CxztRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "0",
                     *       "msg": "成功",
                     *       "data": {
                     *         "sblsh": "SB61070020261122000001",
                     *         "bjbh": "330681-20261122-K7Q2M9XA",
                     *         "blzt": "2",
                     *         "lsjl": [
                     *           {
                     *             "jlid": "0f9c2a7d4b8e4f1a9c3d5e7f9a1b3c5d",
                     *             "blzt": "1",
                     *             "blztmc": "收件",
                     *             "clsj": "20261122100001",
                     *             "sldw": "汉中市政务服务中心"
                     *           },
                     *           {
                     *             "jlid": "7a1e3c5b9d2f4a6c8e0b1d3f5a7c9e1b",
                     *             "blzt": "2",
                     *             "blztmc": "受理",
                     *             "clsj": "20261122143000",
                     *             "sldw": "汉中市政务服务中心",
                     *             "blyj": "材料齐全，予以受理"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CxztReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["Failure"];
        };
    };
    jgxz: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sblsh": "SB61070020261122000001",
                 *       "jgwjbh": "JG20261125160000000001"
                 *     }
                 */
                "application/json": components["schemas"]["JgxzRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "0",
                     *       "msg": "成功",
                     *       "data": {
                     *         "jgwjbh": "JG20261125160000000001",
                     *         "wjmc": "SB61070020261122000001-准予注销登记通知书.pdf",
                     *         "wjlx": "pdf",
                     *         "wjnr": "JVBERi0xLjQK",
                     *         "wjhash": "0b4c4d6bd1c0b63ddde2a8e3c1f8ad2e6f0b7e5c9d1a3f5b7c9e1d3f5a7b9c1d"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["JgxzReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["Failure"];
        };
    };
    fkcx: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "bjbh": "HZ2026112200001"
                 *     }
                 */
                "application/json": components["schemas"]["FkcxRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "0",
                     *       "msg": "成功",
                     *       "data": {
                     *         "bjbh": "HZ2026112200001",
                     *         "bldbh": "330681-20261201-ABCDEFGH",
                     *         "bldqhdm": "330681",
                     *         "blzt": "2",
                     *         "lsjl": [
                     *           {
                     *             "jlid": "5d41402abc4b2a76b9719d911017c592",
                     *             "blzt": "2",
                     *             "blztmc": "受理",
                     *             "clsj": "20261201100000",
                     *             "sldw": "诸暨市公安局",
                     *             "blr": "孙伟",
                     *             "cnbjsj": "20261208235959",
                     *             "wslb": [
                     *               {
                     *                 "wjbh": "WS7d793037a0760186574b0282f2f435e7",
                     *                 "wslx": "SLTZS",
                     *                 "wsmc": "受理通知书",
                     *                 "wjmc": "330681-20261201-ABCDEFGH-受理通知书.pdf",
                     *                 "wjlx": "pdf",
                     *                 "wjdx": 48213,
                     *                 "wjhash": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["FkcxReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["Failure"];
        };
    };
    fkxz: {
        parameters: {
            query?: never;
            header: {
                appKey: components["parameters"]["AppKeyHeader"];
                timestamp: components["parameters"]["TimestampHeader"];
                nonce: components["parameters"]["NonceHeader"];
                sign: components["parameters"]["SignHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "bjbh": "HZ2026112200001",
                 *       "wjbh": "WS7d793037a0760186574b0282f2f435e7"
                 *     }
                 */
                "application/json": components["schemas"]["FkxzRequest"];
            };
        };
        responses: {
            /** @description 成功或业务拒绝（以 code 区分） */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "0",
                     *       "msg": "成功",
                     *       "data": {
                     *         "wjbh": "WS7d793037a0760186574b0282f2f435e7",
                     *         "wjmc": "330681-20261201-ABCDEFGH-受理通知书.pdf",
                     *         "wjlx": "pdf",
                     *         "wjnr": "JVBERi0xLjQK",
                     *         "wjhash": "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["FkxzReply"] | components["schemas"]["BusinessErrorReply"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            default: components["responses"]["Failure"];
        };
    };
}
