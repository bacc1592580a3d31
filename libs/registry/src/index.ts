export { RegistryView } from './registry-view';
export type { MerchantProfile } from './registry-view';
export { RegistryService } from './registry.service';
