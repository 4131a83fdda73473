// A band in words with its marker, in the band's colour: "⚠ Over-allocated".
import { BAND_NAMES, type Band } from './bands';
import './bands.css';

export function BandTag({ band }: { band: Band }) {
  return (
    <span className={`band-tag band-tone--${band}`} data-band={band}>
      <span aria-hidden="true">{BAND_NAMES[band].marker} </span>
      {BAND_NAMES[band].label}
    </span>
  );
}
