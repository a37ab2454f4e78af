/// <reference lib="dom" />
import { PlatformPage } from './account-pages.js';

/** /sign-in, as a person signing in sees it. */
export class SignInPage extends PlatformPage {
  async openSignIn(baseUrl: string, query = '') {
    return this.open(baseUrl, `/sign-in${query}`);
  }

  emailField() {
    return this.page.locator('#email');
  }

  passwordField() {
    return this.page.locator('#password');
  }

  button() {
    return this.page.locator('main form button');
  }

  /**
   * Signs in with the keyboard alone: Tab to each field in turn, type, Tab to the button and
   * press `key` on it. Checks the tab order on the way (email, then password, then the button).
   */
  async signInWithKeyboard(email: string, password: string, key: 'Enter' | 'Space' = 'Enter') {
    await this.tabTo('#email');
    await this.page.keyboard.type(email);
    await this.tabTo('#password', 1);
    await this.page.keyboard.type(password);
    await this.tabTo('main form button', 1);
    return this.andWaitForNewPage(() => this.page.keyboard.press(key));
  }

  /** Fills the form and presses the button with the pointer (for the JavaScript-off checks). */
  async signIn(email: string, password: string) {
    await this.emailField().fill(email);
    await this.passwordField().fill(password);
    return this.andWaitForNewPage(() => this.button().click());
  }
}
