openapi: 3.1.0
info:
  title: {{NAME}}跨域通办收件接口（骨架，待确认）
  version: 0.1.0
  summary: {{NAME}}（{{REGION}}）跨域通办收件接口：申报（材料随件）、状态推送
  description: |
    由 `npm run partner:new` 生成的最小 REST/JSON 骨架。**本文件中的接口形态均为假设**，须以
    {{NAME}}正式发布的接口规范替换；标有“假设”“待确认”的地方见 `partners/{{FOLDER}}/README.md`。

    1. `POST /api/v1/cases` 提交申报，材料以 Base64 随件提交，平台对每份材料重新计算 SHA-256，
       与声明值不一致的拒收（422 `MATERIAL_HASH_MISMATCH`，`message` 写明材料名称）。
    2. 受理、不予受理、办结结果由平台推送到合作地区登记的回调地址（见 `webhooks`）。

    写操作必须携带 `Idempotency-Key`：同一键重复提交返回首次应答（响应头 `Idempotent-Replayed: true`），
    不会重复建档；同一键提交不同内容返回 409 `DUPLICATE_CONFLICT`。
    请求以 `X-Api-Key` 认证（假设）；错误统一为 `{ code, message, details? }`。
servers:
  - url: http://127.0.0.1:{{PORT}}
    description: 模拟服务器（开发、测试）
security:
  - apiKey: []

paths:
  /api/v1/cases:
    post:
      operationId: submitCase
      summary: 提交跨域通办申报（材料随件）
      parameters:
        - $ref: '#/components/parameters/IdempotencyKey'
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/SubmitCaseRequest' }
      responses:
        '201':
          description: 已接收
          content:
            application/json:
              schema: { $ref: '#/components/schemas/CaseReceipt' }
        '400': { $ref: '#/components/responses/Error' }
        '401': { $ref: '#/components/responses/Error' }
        '409': { $ref: '#/components/responses/Error' }
        '422': { $ref: '#/components/responses/Error' }
        '429': { $ref: '#/components/responses/Error' }
        default: { $ref: '#/components/responses/Error' }

webhooks:
  caseStatusChanged:
    post:
      operationId: caseStatusChanged
      summary: 办件状态变更推送（受理、不予受理、办结结果）
      description: |
        推送到 `{gatewayBaseUrl}/api/inbound/partners/{{REGION}}/callback`。签名（假设）：
        `X-Signature` = hex(HMAC-SHA256(回调密钥, `{X-Timestamp}.{X-Nonce}.{原始请求体}`))，时间戳为 Unix 秒；
        接收方拒绝时间偏差超过 300 秒或重复使用的 nonce。同一状态变更的重复推送携带相同 `eventId`。
        返回 2xx 即视为送达，5xx 或超时重试，4xx 不再重试（假设，待确认）。
      parameters:
        - { name: X-Timestamp, in: header, required: true, schema: { type: string, pattern: '^[0-9]{10}$' } }
        - { name: X-Nonce, in: header, required: true, schema: { type: string, pattern: '^[A-Za-z0-9_-]{16,64}$' } }
        - { name: X-Signature, in: header, required: true, schema: { type: string, pattern: '^[0-9a-f]{64}$' } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/StatusEvent' }
      responses:
        '200':
          description: 已接收
          content:
            application/json:
              schema: { $ref: '#/components/schemas/WebhookAck' }
        default: { $ref: '#/components/responses/Error' }

components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: X-Api-Key }
  parameters:
    IdempotencyKey:
      name: Idempotency-Key
      in: header
      required: true
      schema: { type: string, minLength: 8, maxLength: 255, pattern: '^[\x21-\x7E]+$' }
  responses:
    Error:
      description: 错误
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Error' }
  schemas:
    CaseNo: { type: string, minLength: 1, maxLength: 64 }
    CaseRef: { type: string, pattern: '^{{PREFIX}}[0-9]{8,24}$' }
    DateTime: { type: string, format: date-time }
    Sha256: { type: string, pattern: '^[0-9a-f]{64}$' }
    CaseStatus:
      type: string
      description: RECEIVED 已接收；ACCEPTED 已受理；REJECTED 不予受理；COMPLETED 已办结
      enum: [RECEIVED, ACCEPTED, REJECTED, COMPLETED]
    IdType:
      type: string
      description: 证件类型（假设：平台沿用 GA/T 2000.156 代码，统一社会信用代码为 USCC，待确认）
      enum: ['111', '112', '113', '414', '511', '516', '553', '990', USCC]
    Applicant:
      type: object
      additionalProperties: false
      required: [kind, name, idType, idNumber, phone]
      properties:
        kind: { type: string, enum: [PERSON, ORGANIZATION] }
        name: { type: string, minLength: 1, maxLength: 100 }
        idType: { $ref: '#/components/schemas/IdType' }
        # 假设：证件号码至多 32 位（待确认）
        idNumber: { type: string, minLength: 1, maxLength: 32 }
        phone: { type: string, pattern: '^[0-9+-]{5,20}$' }
    Material:
      type: object
      additionalProperties: false
      required: [code, name, fileName, mediaType, size, sha256, contentBase64]
      properties:
        code: { type: string, minLength: 1, maxLength: 32 }
        name: { type: string, minLength: 1, maxLength: 100 }
        fileName: { type: string, minLength: 1, maxLength: 200 }
        mediaType: { type: string, enum: [application/pdf, image/jpeg, image/png] }
        size: { type: integer, minimum: 1 }
        sha256: { $ref: '#/components/schemas/Sha256' }
        contentBase64: { type: string, contentEncoding: base64, minLength: 4 }
    SubmitCaseRequest:
      type: object
      additionalProperties: false
      required: [caseNo, itemCode, implementationCode, itemName, acceptRegion, applicant, materials, promisedAt, submittedAt, resultByPost]
      properties:
        caseNo: { $ref: '#/components/schemas/CaseNo' }
        itemCode: { type: string, pattern: '^[0-9]{12}$' }
        implementationCode: { type: string, minLength: 1, maxLength: 64 }
        itemName: { type: string, minLength: 1, maxLength: 200 }
        acceptRegion: { type: string, pattern: '^[0-9]{6}$' }
        applicant: { $ref: '#/components/schemas/Applicant' }
        # 假设：一次申报至多 30 份材料（待确认）
        materials: { type: array, minItems: 1, maxItems: 30, items: { $ref: '#/components/schemas/Material' } }
        promisedAt: { $ref: '#/components/schemas/DateTime' }
        submittedAt: { $ref: '#/components/schemas/DateTime' }
        resultByPost: { type: boolean }
        postAddress: { type: string, maxLength: 200 }
    CaseReceipt:
      type: object
      additionalProperties: false
      required: [ref, caseNo, status, receivedAt]
      properties:
        ref: { $ref: '#/components/schemas/CaseRef' }
        caseNo: { $ref: '#/components/schemas/CaseNo' }
        status: { $ref: '#/components/schemas/CaseStatus' }
        receivedAt: { $ref: '#/components/schemas/DateTime' }
    ResultDocument:
      type: object
      additionalProperties: false
      required: [fileName, mediaType, contentBase64, sha256]
      properties:
        fileName: { type: string, minLength: 1, maxLength: 200 }
        mediaType: { type: string, enum: [application/pdf] }
        contentBase64: { type: string, contentEncoding: base64, minLength: 4 }
        sha256: { $ref: '#/components/schemas/Sha256' }
    StatusEvent:
      type: object
      additionalProperties: false
      required: [eventId, ref, caseNo, status, occurredAt]
      properties:
        eventId: { type: string, minLength: 1, maxLength: 64 }
        ref: { $ref: '#/components/schemas/CaseRef' }
        caseNo: { $ref: '#/components/schemas/CaseNo' }
        status: { $ref: '#/components/schemas/CaseStatus' }
        occurredAt: { $ref: '#/components/schemas/DateTime' }
        reason: { type: string, minLength: 1, maxLength: 500, description: 不予受理理由（REJECTED） }
        result:
          type: object
          additionalProperties: false
          description: 办结结果（COMPLETED）
          required: [documentName, document, byPost]
          properties:
            documentName: { type: string, minLength: 1, maxLength: 100 }
            certificateNo: { type: string, minLength: 1, maxLength: 64 }
            document: { $ref: '#/components/schemas/ResultDocument' }
            byPost: { type: boolean }
            trackingNo: { type: string, minLength: 1, maxLength: 64 }
    WebhookAck:
      type: object
      additionalProperties: false
      required: [received]
      properties:
        received: { type: boolean, const: true }
    Error:
      type: object
      required: [code, message]
      properties:
        code: { type: string, minLength: 1, maxLength: 64 }
        message: { type: string, maxLength: 1000 }
        details:
          type: array
          items:
            type: object
            required: [field, message]
            properties:
              field: { type: string }
              message: { type: string }
