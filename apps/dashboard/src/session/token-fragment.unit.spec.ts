import { tokenFromFragment } from './token-fragment';

describe('the token of a printed link', () => {
  it('takes the token out of the fragment, leaving the rest', () => {
    expect(tokenFromFragment('#token=plt_abc')).toEqual({ token: 'plt_abc', hash: '' });
    expect(tokenFromFragment('#token=plt_a%2Bb&x=1')).toEqual({ token: 'plt_a+b', hash: '#x=1' });
  });

  it('leaves any other fragment alone', () => {
    expect(tokenFromFragment('')).toEqual({ hash: '' });
    expect(tokenFromFragment('#section')).toEqual({ hash: '#section' });
  });

  it('drops an empty or broken token without keeping it in the address bar', () => {
    expect(tokenFromFragment('#token=%20')).toEqual({ hash: '' });
    expect(tokenFromFragment('#token=%E0%A4%A')).toEqual({ hash: '' });
  });
});
