// DEV-ONLY key pairs for the simulated 厦门 open platform and for us, generated once with node:crypto
// (RSA 2048; private keys PKCS#8, public keys SPKI, DER in base64 on one line, the way open platforms hand
// keys out). Never used outside development and tests: production keys come from PARTNER_350200_* variables.
const join = (parts: string[]): string => parts.join('');

/** our application private key (signs our requests) */
export const DEV_APP_PRIVATE_KEY = join([
  'MIIEuwIBADANBgkqhkiG9w0BAQEFAASCBKUwggShAgEAAoIBAQC3P1pwfGPAabMAW7acNlcHFPBeVJmzdtcf499/kfXZ4omqc/Uc',
  'CczZ6+KKAFajehZgHL+YH9dbQNxTLrxtxO2PtI5oZky34Mtuno1pU+h2Q5Qy2IOg1OWjOrOWEoHSAPmiHWWg8kw3X0PLz8CWW1gv',
  'akLktJKAuaHaVEIzX5fQVVhMxf8+nCWWzFUUa592BoX9A7GK6ZnaGHscjVZnhXisi5bM6KvqszwLYGKkwZu6gLVa1bnkDQahnqCg',
  'jhGBjILxEY/YmG1gqrr/girPrrVUko9TN1BfoMb7mjKD9pkZ3rctlpgSqCg/XIWo+vybrg9FgPifQpRwXxYrakhrmsVfAgMBAAEC',
  'ggEAMJW7hNd2Gy3rJ80pPYGq0VXb5SbJGawInYvtVgV9CafmmCrmceinR6AjEDPGxNE53YHByrOmhatMv0FE9FWiJtfYahW1gYs4',
  'ZLvlAmgc2j5QrKp7O8k2mXCW7NM7WFKp3TGuIF4dlxDLCN6sUTEm0Gt8EOdPcJHHN/vfEX/m4HVM2Uj3N7PzaTG2ft1RdwxXtEAn',
  'u60H9pML4uUMq/lfr6BDHOfc341MVYz3ZCJArCfB70iSR6tp7/lvTtAi1ZZ4YMnCNlw4Puxu8wkleXW1u6cJIaXR0Sx/kYUACN57',
  'GXdpEEqr5N15clTg9u9plSheIfNg7N6yLw3JQMphRmvqAQKBgQDwcflGeb0x4bzFG5QpFT7MZRJ+sbhDVJ1iXmzpuwscC3to4vTt',
  'XJob+wWXmL+zfogv7mKzGDlbBYloM2dcRB5co1qtONg0kSKbd6PctmH7CoBvxxVSR0QX2YXU7s2e4/zcMq1iipHkrbHBPrL/pI7o',
  'iRNCGa6bzD82xYCDv47HZwKBgQDDGh/tFzYB5JosuOdAVQauvcdMXk78a5/VeQtzfqhkguQO1u6mZtFJ+zzmnF3FImNVd5wFJH6M',
  'j8Z/fpptBeWxgvUSte6uRkT44Rb9cQ+vqVovcuznIGbPOKRfQ57IWtq/DQHH7NcdJfbb0Fh7P3YWFUaKM4zp0syJ2ZoP23gvSQKB',
  'gGsm/6XOnufZ55wXnEFqvF+uMz3OyYUH8lNiLTtEJcFLxKWLbwdQm0UY6vcSFWxSWTKzE70ocHcF0qRjNA7ENJuoGMLVcFSM0VVj',
  'Td0QUj3kAjTODcxrAgd24tNv0Kach5VB6E7f3gCA/5RU8sRGe4FZhQGSHGRF823fOlR8S47FAoGBAJFAqfRCC5ttLruNDd3/b3I5',
  'KF/a9sNG/UBZVgUujwAF0vSZYCPS+I4z1it6zvUtnPbMjgPmH7FWeVoCT8ZLVa7K6Np9SK3G8yK3sf4OZrdJRjN9RJLutJwid33V',
  'Qim4OpNyg5js41p4IUmV28omfSwDuvi5WHfc0RrwPpr/soLBAn8OShsY4QhKk7K/U9IY+cS+XZ8aAR8hq1VrFInzC7Bjb2OqTCE3',
  'opzgtqNLigqPhEi+9x8gs7v1xY5Ju7jUtskcIeIe9MbCoTViLTDYmdeu0mdYatFdmxCjdkiGmuw6gs/97ixBFSUjZrBfE7grsYIR',
  'smOYNGMMW8oEJZQuWGuq',
]);
/** our application public key (registered with the platform: it verifies our requests) */
export const DEV_APP_PUBLIC_KEY = join([
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtz9acHxjwGmzAFu2nDZXBxTwXlSZs3bXH+Pff5H12eKJqnP1HAnM2evi',
  'igBWo3oWYBy/mB/XW0DcUy68bcTtj7SOaGZMt+DLbp6NaVPodkOUMtiDoNTlozqzlhKB0gD5oh1loPJMN19Dy8/AlltYL2pC5LSS',
  'gLmh2lRCM1+X0FVYTMX/PpwllsxVFGufdgaF/QOxiumZ2hh7HI1WZ4V4rIuWzOir6rM8C2BipMGbuoC1WtW55A0GoZ6goI4RgYyC',
  '8RGP2JhtYKq6/4Iqz661VJKPUzdQX6DG+5oyg/aZGd63LZaYEqgoP1yFqPr8m64PRYD4n0KUcF8WK2pIa5rFXwIDAQAB',
]);
/** the platform private key (signs its responses and notifications): the simulator only */
export const DEV_PLATFORM_PRIVATE_KEY = join([
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCznp4t50a90YGSgKRR9Z9Kq9IYJ80YoDePIRMRYmYD7zmjHP0A',
  '1THMFUkov6vflemCO1w5USNLWrvrVgHzS41X4pOYwUMQFi5mWV+atSnIevob/ihmAv6/nyUAgAxMslWEaFp14e/hGQ94FMJqzYJu',
  'ug/SfiyvmCqNldd5V3B51VBSVsSf2SK/d2yY1X/yOKo3k2TO+h6oXhKiVhSEO/Wz14j9FhN1dq/9BCvsC+8DUkCN+9luuw+T4rnQ',
  '7nXystpZNwCriZWnph1SWV/gzz69ugUuYuNi279ltjSMNdSNstnsQF2m5MmMB8WkXI9uSB/yWG/QkLmubXzuNHXO+7qRAgMBAAEC',
  'ggEADqKjEP/vdGokmdyNUa1HBPqiNCbSurSGmmJaRKLFHQHKFeI33jBrgzgNHZAdL8BYsKxoBmE3/ueTeL3UYQUcAkLF/nQUJAnT',
  '+YcY4l5BBjgOTCdwa2bH6DKjfUUxsLJ2LoNMiEmNdgSd9/g5uCHrGbJjitCOO7d/vh4XsBLMaWzHClpITOHG9FoaI42bk3qyWfsi',
  '1gNo2ffJ//ApBg1fqfBkqQuzsljUrYRG6zNM1gz1vsDeeCln3hly21rfwPSvn6XSd43tA2mktCRIu+pe4M8qTCq6KkDu9167d82Z',
  'vV/t2L04sLLQ3oScOi/ltcoRO17QLIvIqLcG48vfTc3+TQKBgQDfUj8gDnBe5K8KkVfqGObfpM0UH8J8030o+vFllX6FBH34wCR1',
  '/CZjPEKPYd2RNZ5Zv7q0XZp2HOQns9yyWnilPnAlQm64HXOEcVx3HT7WqcA9hgotjTM7wgnSdOFzA19W0jbuF+E2kQjYYOW5SGax',
  '9ikKaqb6vtbvoK6vtB4KpQKBgQDN50eMYcjISntuK7rhJdT7Qr33XRAchqcCfghc9aX9ocirZT2dGp8JlUvN0vLj3Hhll0fl09ZF',
  'Ep+Frabe6sW6N101wMMK5EA/Kvw0Pb2BOfJeMRzN5t1CMIesGRuuUp90q+O5yGoxNYhUVYMO8N9pPfAUgjpniSxwG3rQhw/ofQKB',
  'gG52f1T672hw04h1pjfcQ28CVJKMtyYJcpJvtjIaRS/Erg75888Mf2x8pSvJK9Ck5gPcy5xl5H5iAhUFabgq+hw6izxS5PNbVgWA',
  'EU22AJwr8TQ9dhFcE6iObU9VkyLR2znV12fkFflouihVnawNfQawDVLiuF+1QBndsCqm/GklAoGBALWXnxNg/hofDkK40IVWv0Kl',
  'tzJc4iO2Yb6h9rA9eZp5v6fhjvhqjQ5/nC43OD3bqFc4l5FLRbL/XK8h2oTJG39C6rLIgXuumDbdqzZLqUE6INYPjG7PiB2i/VS7',
  'hB03Ayh7nEiyR22E3+o4zHA14WNI297Kh8XeRdHNeoBETbRlAoGAcpu1bK2kkyp7RxRjoDyWyPyM+UePYNB+1PV+OikH90aPpjVe',
  'foElTf1xFhqLDrt06CbNqqbxaNKaPOdSp5DQUqaioiY0Ocjwi7S+fMcQqkVGB+Hm4ZsC2gRttN4v8hHkzWd6hM5J6mthO+HJ3Z+d',
  '56TdCzTXuLh+Ks0nOdXMcvE=',
]);
/** the platform public key (we verify its responses and notifications with it) */
export const DEV_PLATFORM_PUBLIC_KEY = join([
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs56eLedGvdGBkoCkUfWfSqvSGCfNGKA3jyETEWJmA+85oxz9ANUxzBVJ',
  'KL+r35XpgjtcOVEjS1q761YB80uNV+KTmMFDEBYuZllfmrUpyHr6G/4oZgL+v58lAIAMTLJVhGhadeHv4RkPeBTCas2CbroP0n4s',
  'r5gqjZXXeVdwedVQUlbEn9kiv3dsmNV/8jiqN5NkzvoeqF4SolYUhDv1s9eI/RYTdXav/QQr7AvvA1JAjfvZbrsPk+K50O518rLa',
  'WTcAq4mVp6YdUllf4M8+vboFLmLjYtu/ZbY0jDXUjbLZ7EBdpuTJjAfFpFyPbkgf8lhv0JC5rm187jR1zvu6kQIDAQAB',
]);
