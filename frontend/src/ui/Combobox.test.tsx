// The shared combobox: its ARIA roles and names, the first match active while typing,
// arrows stopping at the ends, Enter and clicks picking, Escape closing the list (and
// left to the page once it is closed), typing dropping a pick, a named item picked on
// leaving, and keys kept in the field when asked.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboboxProps } from './Combobox';

const FRUIT = ['Apple', 'Apricot', 'Banana', 'Blueberry'];

type Extra = Partial<Omit<ComboboxProps<string>, 'items' | 'onTextChange'>>;

function Fruit(extra: Extra) {
  const [text, setText] = useState('');
  return (
    <Combobox<string>
      label="Fruit"
      listLabel="Fruit: matches"
      placeholder="Type a fruit"
      className="fruit"
      listClassName="fruit__list"
      items={FRUIT.filter((fruit) => fruit.toLowerCase().includes(text.toLowerCase()))}
      itemKey={(fruit) => fruit}
      itemText={(fruit) => fruit}
      renderItem={(fruit) => fruit}
      onSelect={() => undefined}
      {...extra}
      onTextChange={setText}
    />
  );
}

const field = () => screen.getByRole('combobox', { name: 'Fruit' });
const active = () => within(screen.getByRole('listbox', { name: 'Fruit: matches' })).getByRole('option', { selected: true });

describe('Combobox', () => {
  it('filters while typing with the first match active, and picks with arrows and Enter', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<Fruit onSelect={onSelect} />);
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    await user.type(field(), 'ap');
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    expect(active()).toHaveTextContent('Apple');
    await user.keyboard('{ArrowUp}');
    expect(active()).toHaveTextContent('Apple');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(active()).toHaveTextContent('Apricot');
    expect(field()).toHaveAttribute('aria-activedescendant', active().id);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('Apricot');
    expect(field()).toHaveValue('Apricot');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    await user.type(field(), 'x');
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('picks with a click, keeping focus in the field', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<Fruit onSelect={onSelect} />);
    await user.type(field(), 'b');
    await user.click(screen.getByRole('option', { name: 'Blueberry' }));
    expect(onSelect).toHaveBeenLastCalledWith('Blueberry');
    expect(field()).toHaveFocus();
  });

  it('closes the list on Escape, then leaves Escape to the page', async () => {
    const user = userEvent.setup();
    render(<Fruit />);
    await user.type(field(), 'b');
    await user.keyboard('{Escape}');
    expect(field()).toHaveAttribute('aria-expanded', 'false');
    expect(field()).toHaveValue('b');
    expect(fireEvent.keyDown(field(), { key: 'Escape' })).toBe(true);
    expect(field()).toHaveValue('b');
  });

  it('picks the item the text names when focus leaves, and nothing else', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<Fruit onSelect={onSelect} onLeave={(text) => FRUIT.find((fruit) => fruit.toLowerCase() === text.toLowerCase())} />);
    await user.type(field(), 'ban');
    await user.tab();
    expect(onSelect).not.toHaveBeenCalled();
    await user.type(field(), 'ana');
    await user.tab();
    expect(onSelect).toHaveBeenLastCalledWith('Banana');
    expect(field()).toHaveValue('Banana');
  });

  it('stays open with a hidden label, keeps keys to itself and hands Escape on', async () => {
    const onEscape = vi.fn();
    const outside = vi.fn();
    const user = userEvent.setup();
    render(
      <div onKeyDown={outside}>
        <Fruit labelHidden alwaysOpen isolateKeys onEscape={onEscape} note="No more fruit" />
      </div>,
    );
    expect(screen.queryByText('Fruit', { selector: 'label' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(4);
    await user.type(field(), 'kiwi');
    expect(screen.getByRole('listbox')).toHaveTextContent('No more fruit');
    await user.keyboard('{Home}{Escape}');
    expect(onEscape).toHaveBeenCalledTimes(1);
    expect(outside).not.toHaveBeenCalled();
  });
});
