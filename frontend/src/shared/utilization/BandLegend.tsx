// The key to the totals: each band's colour, marker and range, in words.
import { BAND_NAMES, bandRange } from './bands';
import { useUtilizationBands } from './useUtilizationBands';
import '../../ui/legend.css';
import './bands.css';

export function BandLegend() {
  const bands = useUtilizationBands();
  return (
    <ul className="legend" aria-label="Utilization bands">
      {bands.order.map((band) => (
        <li key={band}>
          <span className={`plan-legend__swatch plan-total__value band-tone--${band}`} aria-hidden="true">
            36<span className="plan-total__marker">{BAND_NAMES[band].marker}</span>
          </span>
          {bandRange(band, bands)}
        </li>
      ))}
    </ul>
  );
}
