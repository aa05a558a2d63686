# {{NAME}}（{{REGION}}）

由 `npm run partner:new {{REGION}} {{SLUG}}` 生成的**骨架**：一个最小的 REST/JSON 合作地区，能通过一致性测试套件
（`tests/conformance/`），但它的接口形态全部是假设。对接真实的{{NAME}}之前，须逐条替换下面标有
**假设：** / **待确认：** 的内容，并相应修改 `contracts/partners/{{FOLDER}}.yaml`、`mapping.ts` 与模拟服务器。

## 对接方式（假设）

| 方向 | 接口 | 说明 |
|---|---|---|
| 我方 → {{NAME}} | `POST /api/v1/cases`（`submitCase`） | 申报，材料以 Base64 随件提交；`Idempotency-Key` 请求头，重试保持不变；`X-Api-Key` 认证 |
| {{NAME}} → 我方 | `webhooks.caseStatusChanged` | 受理、不予受理、办结（结果文书随件，含 SHA-256），推送到 `/api/inbound/partners/{{REGION}}/callback`，HMAC-SHA256 签名（`X-Timestamp`、`X-Nonce`、`X-Signature`） |

办件状态：`RECEIVED` 已接收 → `ACCEPTED` 已受理 → `COMPLETED` 已办结，或 `REJECTED` 不予受理。

错误码：`UNAUTHORIZED`（401）、`INVALID_REQUEST`（400）、`DUPLICATE_CONFLICT`（409，同一幂等键内容不同或办件已申报）、
`MATERIAL_HASH_MISMATCH`（422，`message` 写明材料名称）、`SERVICE_UNAVAILABLE`（5xx，可重试）。

## 适配器声明的能力（`adapter.ts`）

`{ supplement: false, cancel: false, statusBy: 'callback', results: 'inline' }`，没有 `report()`。

- **待确认：** 补正（补齐补正）接口。实现后在适配器处理 `supplement-N` 步骤，声明 `supplement: true`，模拟服务器的 `needs_supplement` 决定推送补正通知。
- **待确认：** 撤件接口。实现 `cancel()` 后声明 `cancel: true`；模拟服务器对已撤回办件的决定须回答 409。
- **待确认：** 我方作为办理地时向{{NAME}}反馈决定的方式（推送：`report()`；或由对方查询：`reportsBy: 'poll'`），以及转出办件的交接路由（`_kit/handover.ts` 的 `mountHandover`）。没有 `report()` 时，我方的反馈进入死信，运维可见。
- **待确认：** 与{{NAME}}就我方办理的事项达成的协议：`gateway/src/domain/catalog.ts` `DECIDED_HERE` 各事项的 `acceptsFrom` 加上 `{{REGION}}` 之前，对方转来的办件以 `ITEM_NOT_AGREED` 拒收。

## 假设（须按对方正式接口规范确认）

- **假设：** 认证为固定的接口密钥 `X-Api-Key`。若对方使用 OAuth2、签名请求头或国密算法，改 `client.ts`、`sim-routes.ts` 与契约的 `securitySchemes`。
- **假设：** 证件类型沿用 GA/T 2000.156 代码，统一社会信用代码为 `USCC`（`mapping.ts` `ID_TYPE_TO_PARTNER`）。
- **假设：** 证件号码至多 32 位，一次申报至多 30 份材料，材料仅 PDF/JPEG/PNG（契约 `Applicant`、`SubmitCaseRequest`）。
- **假设：** 回调 2xx 视为送达，5xx 或超时重试，4xx 不再重试；重复推送携带相同 `eventId`；时间戳偏差超过 300 秒拒收。
- **假设：** 时间为带时区偏移的 ISO 8601；办件编号 `{{PREFIX}}` + 时间 + 序号。
- **待确认：** 事项清单（`index.ts` `catalog` 里只有一个示意事项，其实施编码为虚构的部门统一社会信用代码 + 事项基本编码）、地区名称（`regionNames`）、演示账号（`demoClerk`）。

## 设置（`PARTNER_{{REGION}}_<KEY>`）

| 变量 | 说明 |
|---|---|
| `PARTNER_{{REGION}}_URL` | 接口地址（开发默认 `http://127.0.0.1:{{PORT}}`） |
| `PARTNER_{{REGION}}_API_KEY` | 接口密钥（假设） |
| `PARTNER_{{REGION}}_CALLBACK_SECRET` | 回调签名密钥（假设） |

## 模拟服务器

`simulator.ts` 建在 `partners/_kit/sim-server.ts` 上：按契约校验请求，以 `kit.ledger` 按幂等键去重，材料到达时
（经 `kit.faults.arrived`）重新计算 SHA-256，推送签名的 JSON 回调，并提供 `forgeCallback`（错误密钥、过期时间戳）。
控制路由见 [`partners/README.md`](../README.md#the-simulators-control-routes)。
