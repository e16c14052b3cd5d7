import type { Random } from './random.ts';

// Phrases in the language of real plans (Kế hoạch 726/KH-UBND and its kind): verb + object + scope.
const VERBS = ['Triển khai', 'Xây dựng', 'Hoàn thiện', 'Đẩy mạnh', 'Tổ chức thực hiện', 'Rà soát, đánh giá', 'Nâng cấp', 'Tăng cường', 'Số hóa', 'Kiểm tra, đôn đốc', 'Tuyên truyền, phổ biến', 'Ban hành'];
const OBJECTS = [
  'cơ sở dữ liệu chuyên ngành',
  'hệ thống thông tin giải quyết thủ tục hành chính',
  'nền tảng chia sẻ, tích hợp dữ liệu',
  'chuyển đổi số trong cơ quan nhà nước',
  'dịch vụ công trực tuyến toàn trình',
  'hạ tầng mạng 5G và cáp quang',
  'kế hoạch ứng dụng trí tuệ nhân tạo',
  'mô hình chính quyền số cấp xã',
  'đào tạo, bồi dưỡng kỹ năng số cho cán bộ',
  'thanh toán không dùng tiền mặt',
  'hồ sơ sức khỏe điện tử',
  'dữ liệu đất đai và quy hoạch',
  'camera giám sát an ninh trật tự',
  'hệ thống quản lý văn bản và điều hành',
  'cơ chế hỗ trợ doanh nghiệp khởi nghiệp sáng tạo',
];
const SCOPES = ['trên địa bàn tỉnh', 'tại các sở, ban, ngành', 'ở cấp xã, phường', 'trong lĩnh vực y tế', 'trong lĩnh vực giáo dục', 'giai đoạn 2025 - 2030', 'theo Nghị quyết số 57-NQ/TW', 'gắn với Đề án 06'];
const PRODUCTS = ['Kế hoạch của UBND tỉnh', 'Báo cáo kết quả thực hiện', 'Quyết định phê duyệt', 'Hệ thống được đưa vào vận hành', 'Văn bản hướng dẫn', 'Cơ sở dữ liệu được cập nhật'];
const OBSTACLES = ['Kinh phí thực hiện chưa được bố trí kịp thời.', 'Nhân lực chuyên trách về công nghệ thông tin còn thiếu.', 'Hạ tầng kỹ thuật tại cấp xã chưa đồng bộ.', 'Văn bản hướng dẫn của Trung ương chưa ban hành.'];

export function taskTitle(random: Random): string {
  return `${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(SCOPES)}`;
}

export function product(random: Random): string {
  return random.pick(PRODUCTS);
}

export function obstacle(random: Random): string {
  return random.pick(OBSTACLES);
}

export function reportText(month: string, title: string, progress: number): string {
  return `Tháng ${month.slice(5)}/${month.slice(0, 4)}: đã triển khai các nội dung "${title.slice(0, 70)}"; tiến độ đạt khoảng ${progress}%.`;
}
