import { mountAll } from './controller';

mountAll();
