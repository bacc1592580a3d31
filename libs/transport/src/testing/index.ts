export { transportContract, type ContractFactory, type ContractOptions, type ContractTransport } from './transport.contract';
