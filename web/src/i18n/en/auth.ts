import type { Messages } from '../types.ts';
import type { auth as vi } from '../vi/auth.ts';

export const auth: Messages<typeof vi> = {
  title: 'Sign in',
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  submit: 'Sign in',
  intro: 'Follow up the tasks and indicators of directive documents.',
  changePasswordTitle: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Repeat the new password',
  passwordsDiffer: 'The two new passwords differ',
  passwordTooShort: 'The new password needs at least {n} characters',
  passwordChanged: 'Password changed.',
};
