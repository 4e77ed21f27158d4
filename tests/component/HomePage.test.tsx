import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { lessons } from '../../app/course';
import { HomePage } from '../../app/pages/HomePage';

describe('HomePage', () => {
  it('lists every lesson found in lessons/, in order, each linking to its page', () => {
    const { hook } = memoryLocation({ path: '/' });
    render(
      <Router hook={hook}>
        <HomePage />
      </Router>,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(lessons.length);
    expect(lessons.length).toBeGreaterThanOrEqual(1);
    expect(items[0]).toHaveTextContent('What a recurrent network is');
    expect(within(items[0]!).getByRole('link')).toHaveAttribute(
      'href',
      '/lessons/01-what-is-a-recurrent-network',
    );
    const orders = lessons.map((lesson) => lesson.order);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
  });
});
