/**
 * The words of Vietnamese administrative prose that the readers rely on, in one place:
 * what opens an agency's name, what opens a predicate, what joins a sentence to the one before.
 * All in NFC lower case; matched at word starts.
 */

/** Words an agency's name starts with when written with a capital ("Sở", "Văn phòng", "Công an"). */
export const AGENCY_HEADS = [
  'ủy ban nhân dân', 'uỷ ban nhân dân', 'ủy ban', 'uỷ ban', 'hội đồng nhân dân', 'hội đồng', 'văn phòng', 'sở', 'ban', 'bộ',
  'công an', 'thanh tra', 'cục', 'chi cục', 'tổng cục', 'ngân hàng', 'chi nhánh', 'bảo hiểm', 'kho bạc', 'báo', 'đài',
  'cổng', 'trung tâm', 'tỉnh ủy', 'tỉnh uỷ', 'thành ủy', 'thành uỷ', 'huyện ủy', 'huyện uỷ', 'đảng ủy', 'đảng uỷ',
  'mặt trận', 'liên đoàn', 'liên minh', 'liên hiệp', 'hội', 'đoàn', 'tỉnh đoàn', 'tập đoàn', 'tổng công ty', 'công ty',
  'viện', 'học viện', 'trường', 'đại học', 'bệnh viện', 'quỹ', 'tòa án', 'toà án', 'viện kiểm sát', 'bộ chỉ huy',
  'cảnh sát', 'phòng', 'tổ', 'hiệp hội', 'bưu điện', 'viễn thông', 'điện lực', 'công đoàn', 'kiểm toán',
  'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'đội', 'bộ đội',
];

/** Capitalised words that look like heads but open something else ("Báo cáo", "Tổ chức", "Phòng, chống", "Xã hội"). */
export const NOT_AGENCY_AFTER_HEAD = [
  'báo cáo', 'tổ chức', 'phòng chống', 'phòng, chống', 'xã hội', 'hội nghị', 'hội thảo', 'hội nhập', 'trường hợp',
  'đoàn kết', 'bộ phận', 'bộ chỉ số', 'bộ tiêu chí', 'bộ dữ liệu', 'cục bộ', 'ban hành', 'đài thọ', 'trung tâm giám sát',
  'trung tâm điều hành', 'trung tâm dữ liệu', 'cổng dịch vụ công', 'bảo hiểm y tế', 'bảo hiểm xã hội cho', 'đội ngũ',
  'quỹ đất', 'ban đầu', 'bộ máy', 'tổ hợp', 'phòng họp', 'phòng ngừa',
];

/** Heads that, in lower case, still open a name when a capitalised word follows ("sở Y tế", "tập đoàn VIETTEL"). */
export const LOWERCASE_HEADS = [
  'sở', 'ban', 'bộ', 'cục', 'chi cục', 'tập đoàn', 'công ty', 'trung tâm', 'văn phòng', 'ủy ban', 'uỷ ban', 'huyện',
  'xã', 'phường', 'thị xã', 'thành phố', 'quận', 'ngân hàng', 'chi nhánh', 'tổ', 'hội', 'trường', 'bệnh viện',
];

/** After "các"/"những", the nouns that make a collective of agencies ("các sở, ban, ngành", "các đơn vị liên quan"). */
export const COLLECTIVE_NOUNS = [
  'sở', 'ban', 'ngành', 'bộ', 'cơ quan', 'đơn vị', 'địa phương', 'huyện', 'xã', 'phường', 'quận', 'thị xã', 'thành phố',
  'tỉnh', 'ngân hàng', 'doanh nghiệp', 'tổ chức', 'tập đoàn', 'công ty', 'trường', 'bệnh viện', 'cơ sở', 'hội', 'hiệp hội',
  'đoàn thể', 'phòng', 'trung tâm', 'tổ', 'chi nhánh', 'quỹ', 'viện', 'thành viên', 'chủ đầu tư', 'ủy ban', 'uỷ ban',
  'nhà mạng', 'nhà cung cấp', 'ubnd', 'hợp tác xã', 'cục', 'chi cục', 'văn phòng',
];

/** Words that open a predicate after an agency's name: the name ends before them. */
export const PREDICATE_STARTS = [
  'chủ trì', 'phối hợp', 'tham mưu', 'xây dựng', 'triển khai', 'thực hiện', 'tổ chức', 'đẩy nhanh', 'đẩy mạnh',
  'tuyên truyền', 'nghiên cứu', 'rà soát', 'hoàn thiện', 'hoàn thành', 'báo cáo', 'theo dõi', 'đôn đốc', 'kiểm tra',
  'giám sát', 'chỉ đạo', 'khẩn trương', 'tiếp tục', 'tập trung', 'chủ động', 'có trách nhiệm', 'chịu trách nhiệm',
  'đảm bảo', 'bảo đảm', 'ban hành', 'trình', 'tiếp thu', 'cung cấp', 'kết nối', 'ứng dụng', 'hướng dẫn', 'thúc đẩy',
  'đề xuất', 'lựa chọn', 'quán triệt', 'tăng cường', 'nâng cao', 'cập nhật', 'số hóa', 'số hoá', 'tích hợp', 'chia sẻ',
  'thẩm định', 'bố trí', 'tổng hợp', 'phổ biến', 'vận hành', 'xử lý', 'giải quyết', 'lập', 'gửi', 'cử', 'phát động',
  'thành lập', 'sắp xếp', 'điều chỉnh', 'cần', 'phải', 'sớm', 'ngay', 'kịp thời', 'thường xuyên', 'nghiêm túc',
  'quyết liệt', 'định kỳ', 'tiếp nhận', 'xem xét', 'tích cực', 'căn cứ', 'để', 'nhằm', 'được', 'là', 'đánh giá', 'đưa',
  'làm', 'khai thác', 'chuẩn bị', 'thống nhất', 'chuẩn hóa', 'chuẩn hoá', 'tái cấu trúc', 'cắt giảm', 'đơn giản hóa',
  'đơn giản hoá', 'duy trì', 'phát huy', 'tuyển dụng', 'tập huấn', 'phê duyệt', 'thẩm tra', 'mua sắm', 'lắp đặt',
  'nâng cấp', 'củng cố', 'sửa đổi', 'bổ sung', 'khắc phục', 'thu hút', 'kêu gọi', 'tham gia', 'tham dự', 'chuyển',
  'trả lời', 'giải trình', 'liên hệ', 'thông báo', 'công bố', 'công khai', 'quy định', 'đề nghị', 'khuyến khích',
  'vào', 'trước', 'chậm nhất', 'sau khi', 'khi',
];

/** "tổ chức" closes a name only as a verb: in "các cơ quan, tổ chức liên quan" it is a noun. */
export const NOUN_USES_OF_PREDICATE_WORDS = ['tổ chức liên quan', 'tổ chức có liên quan', 'tổ chức,', 'tổ chức và', 'tổ chức chính trị', 'tổ chức xã hội'];

/** Words that assign the agency named after them: "Giao Sở X …", "Yêu cầu các sở …". */
export const ASSIGNING_VERBS = ['giao', 'yêu cầu', 'đề nghị', 'phân công'];

/**
 * Verbs that open an instruction when a sentence starts with them ("Tổ chức triển khai …", "Tiếp tục rà soát …"):
 * the agency is the one in force from the context.
 */
export const IMPERATIVE_STARTS = [
  'chủ trì', 'phối hợp', 'tham mưu', 'xây dựng', 'triển khai', 'thực hiện', 'tổ chức', 'đẩy nhanh', 'đẩy mạnh',
  'tuyên truyền', 'nghiên cứu', 'rà soát', 'hoàn thiện', 'hoàn thành', 'báo cáo', 'theo dõi', 'đôn đốc', 'kiểm tra',
  'giám sát', 'chỉ đạo', 'khẩn trương', 'tiếp tục', 'tập trung', 'chủ động', 'đảm bảo', 'bảo đảm', 'ban hành', 'trình',
  'tiếp thu', 'cung cấp', 'kết nối', 'ứng dụng', 'hướng dẫn', 'thúc đẩy', 'đề xuất', 'lựa chọn', 'quán triệt',
  'tăng cường', 'nâng cao', 'cập nhật', 'số hóa', 'số hoá', 'tích hợp', 'chia sẻ', 'thẩm định', 'bố trí', 'tổng hợp',
  'phổ biến', 'vận hành', 'xử lý', 'giải quyết', 'lập', 'gửi', 'phát động', 'thành lập', 'sắp xếp', 'điều chỉnh',
  'kịp thời', 'thường xuyên', 'tiếp nhận', 'xem xét', 'đánh giá', 'đưa', 'khai thác', 'chuẩn bị', 'chuẩn hóa',
  'chuẩn hoá', 'tái cấu trúc', 'cắt giảm', 'đơn giản hóa', 'đơn giản hoá', 'duy trì', 'phát huy', 'phát triển',
  'tuyển dụng', 'đào tạo', 'bồi dưỡng', 'tập huấn', 'phê duyệt', 'mua sắm', 'đầu tư', 'lắp đặt', 'nâng cấp', 'củng cố',
  'sửa đổi', 'bổ sung', 'khắc phục', 'thu hút', 'kêu gọi', 'xúc tiến', 'tham gia', 'hỗ trợ', 'quản lý', 'khuyến khích',
  'cụ thể hóa', 'cụ thể hoá', 'nghiêm túc', 'quyết liệt', 'sớm', 'ngay', 'rút ngắn', 'hiện đại hóa', 'hiện đại hoá',
  'mở rộng', 'phát hiện', 'ngăn chặn', 'xử phạt', 'bảo vệ', 'giữ gìn', 'vận động', 'khảo sát', 'thống kê', 'công bố',
  'công khai', 'tập hợp', 'ưu tiên', 'huy động', 'dự báo', 'phân tích', 'thí điểm', 'nhân rộng', 'tổ chức thực hiện',
];

/** Openers that are statements, not instructions ("Đồng ý chủ trương …", "Đánh giá cao …"). */
export const NON_INSTRUCTION_STARTS = ['đồng ý', 'nhất trí', 'cơ bản nhất trí', 'ghi nhận', 'biểu dương', 'đánh giá cao', 'thống nhất chủ trương'];

/** Sentence openers that continue the instruction before them ("Đồng thời, …", "Từ đó, …"). */
export const CONTINUATION_STARTS = [
  'đồng thời', 'từ đó', 'trên cơ sở đó', 'trước mắt', 'đặc biệt', 'ngoài ra', 'trong đó', 'trong quá trình',
  'trong điều kiện', 'bên cạnh đó', 'riêng', 'cụ thể', 'sau đó', 'qua đó', 'theo đó',
];

/** Openers of the closing formula after the last item ("Trên đây là …", "Nhận được Công văn này …"). */
export const CLOSING_STARTS = ['trên đây', 'nhận được', 'trong quá trình', 'quá trình thực hiện', 'trân trọng'];
