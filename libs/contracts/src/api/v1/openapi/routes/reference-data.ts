import { ok } from '../answers';
import { ApiRoute } from '../route';
import { routesOf } from '../route-builders';
import { array, forceCode, nullable, object, regionCode } from '../schema-builders';
import { str } from '../schema-scalars';

const { get } = routesOf('reference-data');
const referenceData = (path: string, summary: string, schema: object): ApiRoute =>
  get(path, summary, { public: true, gatewayOnly: true, responses: { 200: ok(schema) } });

export const REFERENCE_DATA_ROUTES: ApiRoute[] = [
  referenceData(
    '/api/v1/regions',
    'The 10 ROCU regions and their forces',
    array(object({ code: regionCode, name: str, forces: array(forceCode) })),
  ),
  referenceData(
    '/api/v1/forces',
    'The 43 territorial forces (ONS codes) and BTP (region null)',
    array(object({ code: forceCode, name: str, region: nullable(regionCode) })),
  ),
  referenceData(
    '/api/v1/force-map',
    'The focus map layout: one hexagon per force (axial q east, r south; pointy-top), with its short label, region and the ONS attribution to show beside it',
    object({
      attribution: str,
      cells: array(
        object({
          force: forceCode,
          name: str,
          short: { type: 'string', description: 'Three-letter label' },
          region: nullable(regionCode),
          q: { type: 'integer' },
          r: { type: 'integer' },
        }),
      ),
    }),
  ),
];
