// 汉中's return codes (返回码) and its { code, msg, data } reply, as its contract lists them: shared by the
// adapter (answering 汉中's polls of our gateway in its style) and the simulated platform.
export const MESSAGES: Readonly<Record<string, string>> = {
  '0': '成功',
  '1001': '请求参数不符合接口规范', '1002': '请求报文不是合法 JSON', '1003': '请求流水号重复且报文内容不同',
  '1004': '接口不存在', '1005': '请求报文过大',
  '2000': '签名参数缺失或格式错误', '2001': 'appKey 无效', '2002': '签名校验失败', '2003': '时间戳超出 ±300 秒',
  '2004': 'nonce 已使用（重放请求）',
  '3001': '材料哈希校验不一致', '3002': '材料大小与文件内容不符', '3003': '材料编号不存在或不属于本办件',
  '3004': '申报不存在', '3005': '该办件已申报，请勿重复申报', '3006': '当前办理状态不允许补正', '3007': '结果文件不存在或尚未办结', '3008': '已办结或不予受理，不能撤回',
  '9002': '请求过于频繁', '9999': '系统繁忙，请稍后重试',
};

export function reply(code: string, data: unknown = null, msg = MESSAGES[code] ?? '未知错误'): { code: string; msg: string; data: unknown } {
  return { code, msg, data };
}

