// The key to the totals: each band's colour, marker and meaning, in words.
import { BANDS } from './bands';
import '../../ui/legend.css';

export function BandLegend() {
  return (
    <ul className="legend" aria-label="Utilization bands">
      {Object.values(BANDS).map((info) => (
        <li key={info.band} className={`plan-band--${info.band}`}>
          <span className="plan-legend__swatch plan-total__value" aria-hidden="true">
            36{info.marker && <span className="plan-total__marker">{info.marker}</span>}
          </span>
          {info.label}
        </li>
      ))}
    </ul>
  );
}
