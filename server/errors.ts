/**
 * Transport-neutral errors. Services throw AppError with a code from this closed list;
 * http/errors.ts maps every code to a status, and the messages below are what the user reads.
 */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The data sent is not valid.' },
  malformed_request: { status: 400, vi: 'Yêu cầu không đọc được (JSON sai định dạng).', en: 'The request could not be read.' },
  unauthenticated: { status: 401, vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  invalid_credentials: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  session_expired: { status: 401, vi: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.', en: 'Your session has expired.' },
  csrf_failed: { status: 403, vi: 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF).', en: 'Missing or wrong CSRF token.' },
  forbidden: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  account_locked: { status: 423, vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.', en: 'Account temporarily locked.' },
  account_inactive: { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'This account is deactivated.' },
  rate_limited: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.', en: 'Too many requests.' },
  not_found: { status: 404, vi: 'Không tìm thấy dữ liệu yêu cầu.', en: 'Not found.' },
  route_not_found: { status: 404, vi: 'Không có địa chỉ API này.', en: 'No such API route.' },
  method_not_allowed: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  conflict: { status: 409, vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp.', en: 'Conflicting or duplicate data.' },
  invalid_state: { status: 409, vi: 'Thao tác không hợp lệ ở trạng thái hiện tại.', en: 'Not allowed in the current state.' },
  in_use: { status: 409, vi: 'Không thể xóa vì dữ liệu đang được sử dụng.', en: 'Still in use.' },
  payload_too_large: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'Payload too large.' },
  unsupported_media_type: { status: 415, vi: 'Định dạng nội dung không được hỗ trợ.', en: 'Unsupported media type.' },
  storage_full: { status: 507, vi: 'Không ghi được dữ liệu vì ổ đĩa của máy chủ đã đầy. Dữ liệu đã lưu vẫn an toàn; vui lòng báo quản trị giải phóng dung lượng rồi thử lại.', en: 'The server is out of disk space; nothing was saved.' },
  storage_read_only: { status: 503, vi: 'Không ghi được dữ liệu vì ổ lưu trữ của máy chủ đang ở chế độ chỉ đọc hoặc bị lỗi. Dữ liệu đã lưu vẫn an toàn; vui lòng báo quản trị.', en: 'Storage is read-only or failing; nothing was saved.' },
  database_unavailable: { status: 503, vi: 'Cơ sở dữ liệu tạm thời không sẵn sàng. Vui lòng thử lại sau ít giây.', en: 'The database is temporarily unavailable; try again shortly.' },
  internal: { status: 500, vi: 'Lỗi hệ thống. Thao tác chưa được ghi nhận; vui lòng thử lại.', en: 'Internal error.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * For state transitions written as `UPDATE … WHERE state = <expected>`: no row back means someone else
 * moved the item first (two decisions at once), which is refused rather than applied twice.
 */
export function transitioned<T>(row: T | undefined): T {
  if (row === undefined) throw new AppError('invalid_state', 'Mục này vừa được người khác xử lý; hãy tải lại để xem trạng thái mới.');
  return row;
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    /** A more precise Vietnamese message than the catalogue's, when there is one. */
    message?: string,
    public readonly details?: { fields?: FieldIssue[] },
  ) {
    super(message ?? ERROR_CATALOGUE[code].vi);
    this.name = 'AppError';
  }
}
