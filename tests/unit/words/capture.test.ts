import { describe, expect, it } from 'vitest';
import { captureText, dontRememberOn, rememberedOnThisComputer, turnedOffText } from '../../../lib/words/capture';

const base = { on: true, setByTeam: false, site: 'outlook' as const, siteOff: false, remembered: 2, showNotice: false };

describe('what the sidebar and the Data page say about remembered conversations', () => {
  it('counts conversations and their messages, in the plural the count asks for', () => {
    expect(rememberedOnThisComputer({ conversations: 12, messages: 48 })).toBe('12 conversations (48 messages) remembered on this computer.');
    expect(rememberedOnThisComputer({ conversations: 1, messages: 1 })).toBe('1 conversation (1 message) remembered on this computer.');
    expect(rememberedOnThisComputer({ conversations: 0, messages: 0 })).toBe('Nothing remembered yet.');
  });

  it("this conversation, then the account's conversations in all, the account's name isolated", () => {
    expect(captureText({ ...base, account: { conversations: 3, messages: 6 } }, 'Northwind Foods')).toBe(
      '2 messages of this conversation remembered on this computer. With Northwind Foods: 3 conversations (6 messages) in all.',
    );
    expect(captureText({ ...base, account: { conversations: 1, messages: 2 } }, 'شركة الغذاء')).toContain('With \u2068شركة الغذاء\u2069: 1 conversation (2 messages) in all.');
    expect(captureText({ ...base, remembered: 0 })).toBe('Nothing of this conversation is remembered.');
  });

  it('the per-site switch and what the sidebar says once a site is off', () => {
    expect(dontRememberOn('outlook')).toBe("Don't remember on Outlook");
    expect(dontRememberOn('gmail')).toBe("Don't remember on Gmail");
    expect(captureText({ ...base, on: false, siteOff: true })).toBe('Remembering conversations is off on Outlook.');
    expect(turnedOffText('gmail')).toBe('Remembering conversations is off on Gmail. Turn it on again on the Data page.');
    expect(turnedOffText()).toBe('Remembering conversations is off. Turn it on again on the Data page.');
    // The team's policy is said first, whatever the rep's switches.
    expect(captureText({ ...base, on: false, setByTeam: true, siteOff: false })).toBe('Remembering conversations is off — set by your team.');
  });
});
